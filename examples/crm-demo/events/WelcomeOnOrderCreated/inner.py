def customFunc(*args, **kwargs):
    """Subscribed to services.OrderService.orderCreated: thanks the customer and reports the mail."""
    order = args[0] if args else {}
    subject = "Thank you for order %s" % order.get("orderNo", "?")
    print("welcome mail:", subject)
    app.event.publish(sender="services.NotifyService.emailSent",
                      kwargs={"to": "customer-%s@acme.example" % order.get("customerId", 0), "subject": subject})
    return subject
