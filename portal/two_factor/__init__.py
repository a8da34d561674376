"""Two-factor sign-in (TOTP through django-otp, with single-use recovery codes) and the idle
timeout of staff sessions. See docs/security.md, "Two-factor sign-in" and "Idle timeout"."""
