"""One spam guard for every anonymous form (booking, public and kiosk surveys, invitations):
a honeypot field people never see (`includes/honeypot.html`) and a rate limit per client
address (portal/ratelimit.py), instead of a CAPTCHA that locks out the people we serve.

    verdict = spamguard.check(request, form, "booking", limit=5, window=600, message=...)
    if verdict is spamguard.BOT: return redirect(done)   # answer as if all went well
    if verdict is spamguard.LIMITED: status = 429        # the form shows `message`
"""

import enum

from portal import ratelimit

HONEYPOT = "website"  # the hidden field's name (bots fill in anything called "website")


class Verdict(enum.Enum):
    BOT = "bot"
    LIMITED = "limited"


BOT, LIMITED = Verdict.BOT, Verdict.LIMITED


def check(request, form, scope, *, limit, window, message):
    """None for a person within the limit; BOT when the honeypot is filled (save nothing);
    LIMITED when this address has sent `limit` forms in `window` seconds (the form is bound
    and carries `message` as a non-field error, so what was typed is kept)."""
    if request.POST.get(HONEYPOT):
        return BOT
    if ratelimit.hit(scope, request, limit, window):
        form.is_valid()
        form.add_error(None, message)
        return LIMITED
    return None
