package aws

import "context"

// pager is what the SDK's generated paginators have in common.
type pager[Out, Opts any] interface {
	HasMorePages() bool
	NextPage(ctx context.Context, optFns ...func(*Opts)) (Out, error)
}

// listAll pages p to the end (no cap), each page a call of its own with
// its own timeout, and collects the items of every page; page gives a
// page's items and its next token. An endpoint that hands back a token it
// gave before would be paged for ever (nothing bounds a whole listing, so
// that a huge cluster still loads): that is an error instead.
func listAll[Out, Opts, T any](ctx context.Context, c *Client, op string, p pager[Out, Opts], page func(Out) ([]T, *string)) ([]T, error) {
	var all []T
	seen := map[string]bool{}
	for p.HasMorePages() {
		cctx, cancel := c.call(ctx)
		out, err := p.NextPage(cctx)
		cancel()
		if err != nil {
			return nil, c.fail(op, err)
		}
		items, next := page(out)
		all = append(all, items...)
		if next != nil && *next != "" {
			if seen[*next] {
				return nil, &Error{Kind: KindUnknown, Op: op, Code: "RepeatedNextToken", Profile: c.cfg.Profile, sso: c.sso,
					Message: "the endpoint handed back a page token it had given before, so the list would never end"}
			}
			seen[*next] = true
		}
	}
	return all, nil
}
