package demo

import "net/http"

// stsAPI is AWS STS, spoken in the AWS Query protocol.
var stsAPI = newService(service{
	signingName: "sts",
	xmlns:       "https://sts.amazonaws.com/doc/2011-06-15/",
	protocol:    queryProtocol{},
	throttled:   apiError{http.StatusBadRequest, "Throttling", "Rate exceeded"},
	unavailable: apiError{http.StatusInternalServerError, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure."},
})

func init() {
	register(stsAPI, "GetCallerIdentity", getCallerIdentity)
}

type getCallerIdentityOutput struct {
	UserID  string `xml:"UserId"`
	Account string `xml:"Account"`
	Arn     string `xml:"Arn"`
}

// getCallerIdentity answers as for a session of the role ecsdeck-demo.
func getCallerIdentity(b *backend, _ struct{}) (getCallerIdentityOutput, error) {
	return getCallerIdentityOutput{
		UserID:  "AROAECSDECKDEMO0ROLE0:demo",
		Account: b.account,
		Arn:     "arn:aws:sts::" + b.account + ":assumed-role/ecsdeck-demo/demo",
	}, nil
}
