package stripe

// SubscriptionsService manages subscriptions: https://docs.stripe.com/api/subscriptions
type SubscriptionsService struct{ c *Client }
