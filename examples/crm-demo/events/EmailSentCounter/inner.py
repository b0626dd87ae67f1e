sentSubjects = []


def customFunc(*args, **kwargs):
    """Subscribed to services.NotifyService.emailSent: keeps a tally of sent mails."""
    sentSubjects.append(kwargs.get("subject", ""))
    print("emails sent so far: %d (last to %s)" % (len(sentSubjects), kwargs.get("to", "?")))
    return len(sentSubjects)
