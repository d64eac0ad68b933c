package stripe

// EventsService reads events: https://docs.stripe.com/api/events
type EventsService struct{ c *Client }
