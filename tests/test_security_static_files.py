"""Static files leave the stack right after SecurityMiddleware, as WhiteNoise documents.

The page policies (CSP, Permissions-Policy) mean nothing to a stylesheet and cost more than
serving it (docs/performance.md); HSTS and nosniff still apply to every file.
"""

from django.test import Client


def test_a_stylesheet_gets_nosniff_but_not_the_page_policies(settings):
    settings.WHITENOISE_USE_FINDERS = True  # serve from static/ without collectstatic
    response = Client().get("/static/css/kronika.css")
    assert response.status_code == 200
    assert b".skip-links" in b"".join(response.streaming_content)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "Content-Security-Policy" not in response
    assert "Permissions-Policy" not in response
