package aws

import "context"

// pager is what the SDK's generated paginators have in common.
type pager[Out, Opts any] interface {
	HasMorePages() bool
	NextPage(ctx context.Context, optFns ...func(*Opts)) (Out, error)
}

// listAll pages p to the end (no cap), each page a call of its own with
// its own timeout, and collects the items of every page.
func listAll[Out, Opts, T any](ctx context.Context, c *Client, op string, p pager[Out, Opts], items func(Out) []T) ([]T, error) {
	var all []T
	for p.HasMorePages() {
		cctx, cancel := c.call(ctx)
		page, err := p.NextPage(cctx)
		cancel()
		if err != nil {
			return nil, c.fail(op, err)
		}
		all = append(all, items(page)...)
	}
	return all, nil
}
