package demo

import (
	"encoding/json"
	"encoding/xml"
	"mime"
	"net/http"
	"net/url"
	"strings"
)

// queryProtocol is the AWS Query protocol (STS): a form-encoded POST with
// Action and Version, answered in XML as <OpResponse xmlns=…><OpResult>…
// and errors as <ErrorResponse><Error><Type/><Code/><Message/></Error>….
// A request belongs to the API its SigV4 credential scope names, or, when
// it is unsigned, to the API that has its Action.
type queryProtocol struct{}

func (queryProtocol) operation(svc *service, r *http.Request, body []byte) (string, bool) {
	if r.Method != http.MethodPost {
		return "", false
	}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/x-www-form-urlencoded" {
		return "", false
	}
	form, err := url.ParseQuery(string(body))
	if err != nil || form.Get("Action") == "" {
		return "", false
	}
	op := form.Get("Action")
	if scope := scopeService(r.Header.Get("Authorization")); scope != "" {
		return op, scope == svc.signingName
	}
	_, known := svc.ops[op]
	return op, known
}

// scopeService reads the service from a SigV4 Authorization header:
// "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/sts/aws4_request, …".
func scopeService(auth string) string {
	_, cred, ok := strings.Cut(auth, "Credential=")
	if !ok {
		return ""
	}
	cred, _, _ = strings.Cut(cred, ",")
	parts := strings.Split(cred, "/")
	if len(parts) != 5 {
		return ""
	}
	return parts[3]
}

// decode fills the flat, string-valued members of an input from the form
// parameters of the same name.
func (queryProtocol) decode(body []byte, v any) error {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return &apiError{http.StatusBadRequest, "MalformedQueryString", err.Error()}
	}
	params := map[string]string{}
	for k := range form {
		params[k] = form.Get(k)
	}
	raw, _ := json.Marshal(params)
	if err := json.Unmarshal(raw, v); err != nil {
		return &apiError{http.StatusBadRequest, "InvalidParameterValue", err.Error()}
	}
	return nil
}

func (queryProtocol) respond(w http.ResponseWriter, svc *service, op string, out any) {
	start := xml.StartElement{
		Name: xml.Name{Local: op + "Response"},
		Attr: []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: svc.xmlns}},
	}
	writeXML(w, http.StatusOK, func(enc *xml.Encoder) {
		enc.EncodeToken(start)
		enc.EncodeElement(out, xml.StartElement{Name: xml.Name{Local: op + "Result"}})
		enc.EncodeElement(responseMetadata{w.Header().Get(requestIDHeader)}, xml.StartElement{Name: xml.Name{Local: "ResponseMetadata"}})
		enc.EncodeToken(start.End())
	})
}

func (queryProtocol) fail(w http.ResponseWriter, svc *service, e *apiError) {
	kind := "Sender"
	if e.status >= 500 {
		kind = "Receiver"
	}
	writeXML(w, e.status, func(enc *xml.Encoder) {
		enc.Encode(queryError{
			Xmlns:     svc.xmlns,
			Error:     queryErrorDetail{kind, e.code, e.message},
			RequestID: w.Header().Get(requestIDHeader),
		})
	})
}

type queryError struct {
	XMLName   xml.Name `xml:"ErrorResponse"`
	Xmlns     string   `xml:"xmlns,attr"`
	Error     queryErrorDetail
	RequestID string `xml:"RequestId"`
}

type queryErrorDetail struct{ Type, Code, Message string }

type responseMetadata struct {
	RequestID string `xml:"RequestId"`
}

func writeXML(w http.ResponseWriter, status int, encode func(*xml.Encoder)) {
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(status)
	enc := xml.NewEncoder(w)
	encode(enc)
	enc.Flush()
}
