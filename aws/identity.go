package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/ecsdeck/ecsdeck/model"
)

// Identity says whom the credentials belong to (STS GetCallerIdentity); it
// is also the cheapest way to find out early that they do not work.
func (c *Client) Identity(ctx context.Context) (model.Identity, error) {
	out, err := send(ctx, c, "sts:GetCallerIdentity", c.sts.GetCallerIdentity, &sts.GetCallerIdentityInput{})
	if err != nil {
		return model.Identity{}, err
	}
	return model.Identity{Account: str(out.Account), ARN: str(out.Arn), UserID: str(out.UserId)}, nil
}
