"""The demo superuser `admin`: its password is generated once and kept in a git-ignored file."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

PASSWORD_FILE = Path(settings.BASE_DIR) / ".demo-admin-password"


def demo_password() -> str:
    """DEMO_ADMIN_PASSWORD if set, else the stored password, else a new one (then stored)."""
    from_env = os.environ.get("DEMO_ADMIN_PASSWORD")
    if from_env:
        return from_env
    if PASSWORD_FILE.exists():
        stored = PASSWORD_FILE.read_text(encoding="utf-8").strip()
        if stored:
            return stored
    password = secrets.token_urlsafe(12)
    PASSWORD_FILE.write_text(password + "\n", encoding="utf-8")
    PASSWORD_FILE.chmod(0o600)
    return password


def ensure_admin() -> tuple[str, str, bool]:
    """Create or update the `admin` superuser; returns (username, password, created)."""
    password = demo_password()
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username="admin",
        defaults={"email": "admin@example.com", "is_staff": True, "is_superuser": True},
    )
    if created or not user.check_password(password):
        user.set_password(password)
        user.is_staff = user.is_superuser = True
        user.save()
    return user.username, password, created
