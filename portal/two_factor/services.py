"""The second factor's domain operations: enrol, confirm, verify, regenerate, disable.

The secret and the recovery codes never reach the audit log or any log: the log names the
user by number and the action only.
"""

import re
from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

RECOVERY_CODE_COUNT = 10
TOTP_NAME = "app"
RECOVERY_NAME = "recovery"

ENROL = "marshrut.2fa.enrol"
DISABLE = "marshrut.2fa.disable"
RESET = "marshrut.2fa.reset"
RECOVERY_USED = "marshrut.2fa.recovery_used"
RECOVERY_REGENERATED = "marshrut.2fa.recovery_regenerated"
FAILED = "marshrut.2fa.failed"  # a wrong code or password at a second-factor step
PENDING_SESSION_KEY = "marshrut_2fa_pending"


class Throttled(Exception):
    """Too many wrong codes in a row: the next try is allowed after `seconds`."""

    def __init__(self, seconds):
        self.seconds = max(1, int(seconds))
        super().__init__(self.message)

    @property
    def message(self):
        return _(
            "Слишком много неверных кодов подряд. Подождите %(seconds)s с и попробуйте снова."
        ) % {"seconds": self.seconds}


def _real(user):
    """request.user is a lazy object (twice over with OTPMiddleware); the audit log needs the
    model instance to find its log model."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


def _audit(user, action, actor=None):
    user = _real(user)
    log(user, action, user=_real(actor) or user, title=f"Пользователь № {user.pk}", data={})


def confirmed_totp(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_device(user):
    return user.is_authenticated and TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_required(user):
    """Production: every signed-in user (staff, editors, administrators) needs a device."""
    return bool(settings.MARSHRUT_REQUIRE_2FA) and user.is_authenticated


def pending_device(request):
    """The unconfirmed device of this session's enrolment, made once per session and kept until
    confirmed (reloading the page does not change the secret the user has just scanned). A new
    session gets a new secret and the unconfirmed ones of other sessions are dropped: whoever
    opened the enrolment elsewhere never learns the secret this user confirms."""
    user = request.user
    pk = request.session.get(PENDING_SESSION_KEY)
    device = TOTPDevice.objects.filter(pk=pk, user=user, confirmed=False).first() if pk else None
    if device is None:
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
        request.session[PENDING_SESSION_KEY] = device.pk
    return device


def _verified(request, device):
    """Mark the session verified under a new session key: the key the session had before the
    second factor (known to whoever saw the password step) no longer works."""
    request.session.cycle_key()
    request.session.pop(PENDING_SESSION_KEY, None)
    otp_login(request, device)


def secret_groups(device):
    """The base32 secret in groups of four, for typing it into an app by hand."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device):
    """The otpauth URI as an inline SVG (the URI itself never goes into a URL or a log)."""
    qr = segno.make(device.config_url, error="m")
    return qr.svg_inline(scale=5, border=2, title=_("QR-код для приложения-аутентификатора"))


def _new_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _digits(token):
    return re.sub(r"\s", "", token or "")


def _recovery(token):
    return re.sub(r"[\s-]", "", token or "").lower()


def _throttle_check(*devices):
    for device in devices:
        if device is None:
            continue
        allowed, info = device.verify_is_allowed()
        if not allowed:
            seconds = (info["locked_until"] - timezone.now()).total_seconds()
            raise Throttled(seconds)


@transaction.atomic
def confirm_enrolment(request, device, token):
    """The first code from the app confirms the device; returns the new recovery codes, or None
    for a wrong code. Raises Throttled after too many wrong codes."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    _throttle_check(device)
    if not device.verify_token(_digits(token)):
        _audit(device.user, FAILED)
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_recovery_codes(device.user)
    _verified(request, device)
    _audit(device.user, ENROL)
    return codes


@transaction.atomic
def verify(request, token):
    """Check a code from the app (six digits) or a recovery code against the signed-in user's
    devices; on success the session is verified. Wrong codes count towards the TOTP device's
    throttle whichever kind was typed, so recovery codes cannot be guessed around it."""
    user = request.user
    totp = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
    if totp is None:
        return False
    static = StaticDevice.objects.filter(user=user).first()
    _throttle_check(totp, static)
    digits = _digits(token)
    if re.fullmatch(r"\d{6}", digits):
        if totp.verify_token(digits):
            _verified(request, totp)
            return True
        _audit(user, FAILED)
        return False
    if static is not None and static.verify_token(_recovery(token)):
        totp.throttle_reset()
        _verified(request, static)
        _audit(user, RECOVERY_USED)
        return True
    totp.throttle_increment()
    _audit(user, FAILED)
    return False


WRONG_PASSWORD = "password"  # noqa: S105 (the name of the field that was wrong)
WRONG_CODE = "code"


def reauthenticate(user, password, token):
    """A change of the user's own second factor asks for both factors again: the password and
    a current code (app or recovery). Returns None when both hold, else which was wrong
    (WRONG_PASSWORD, WRONG_CODE); raises Throttled. A wrong password counts towards the code's
    throttle, so neither can be guessed; the code is not checked (nor spent) then."""
    totp = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
    if totp is None:
        return WRONG_CODE
    static = StaticDevice.objects.filter(user=user).first()
    _throttle_check(totp, static)
    if not user.check_password(password or ""):
        totp.throttle_increment()
        _audit(user, FAILED)
        return WRONG_PASSWORD
    digits = _digits(token)
    if re.fullmatch(r"\d{6}", digits):
        if totp.verify_token(digits):
            return None
        _audit(user, FAILED)
        return WRONG_CODE
    if static is not None and static.verify_token(_recovery(token)):
        _audit(user, RECOVERY_USED)
        return None
    totp.throttle_increment()
    _audit(user, FAILED)
    return WRONG_CODE


@transaction.atomic
def regenerate_recovery_codes(user, password, token):
    """New recovery codes (the old ones stop working) after the password and a current code.
    Returns (codes, None), or (None, which factor was wrong)."""
    wrong = reauthenticate(user, password, token)
    if wrong:
        return None, wrong
    codes = _new_recovery_codes(user)
    _audit(user, RECOVERY_REGENERATED)
    return codes, None


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user).count()


@transaction.atomic
def disable_own(user, password, token):
    """The user switches their second factor off with the password and a current code.
    Returns (True, None), or (False, which factor was wrong)."""
    wrong = reauthenticate(user, password, token)
    if wrong:
        return False, wrong
    _remove_devices(user)
    _audit(user, DISABLE)
    return True, None


@transaction.atomic
def reset_by_administrator(user, administrator):
    """An administrator removes a user's second factor (a lost phone); the user enrols again."""
    _remove_devices(user)
    _audit(user, RESET, actor=administrator)


def _remove_devices(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
