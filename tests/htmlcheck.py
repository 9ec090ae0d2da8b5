"""Checks every HTML page a test fetches: it parses as valid HTML5, its <title> starts with its <h1>,
and every visible form field has a label."""

import html5lib
from django.test import Client

FIELD_TAGS = {"input", "select", "textarea"}
UNLABELLED_INPUT_TYPES = {"hidden", "submit", "button", "image", "reset"}
NS = "{http://www.w3.org/1999/xhtml}"


class PageProblem(AssertionError):
    pass


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def check_page(content: bytes, url: str) -> None:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    try:
        doc = parser.parse(content)
    except html5lib.html5parser.ParseError as error:
        raise PageProblem(f"{url}: not valid HTML ({error}; errors: {parser.errors[:3]})") from error
    titles = doc.findall(f".//{NS}title")
    h1s = doc.findall(f".//{NS}h1")
    if len(titles) != 1 or len(h1s) != 1:
        raise PageProblem(f"{url}: expected one <title> and one <h1>, found {len(titles)} and {len(h1s)}")
    title, h1 = _text(titles[0]), _text(h1s[0])
    if not title.startswith(h1):
        raise PageProblem(f"{url}: <title> {title!r} does not match <h1> {h1!r}")
    labelled = {label.get("for") for label in doc.iter(f"{NS}label")}
    for element in doc.iter():
        tag = element.tag.replace(NS, "") if isinstance(element.tag, str) else ""
        if tag not in FIELD_TAGS or element.get("type", "text") in UNLABELLED_INPUT_TYPES:
            continue
        if element.get("id") not in labelled and not element.get("aria-label"):
            raise PageProblem(f"{url}: form field {element.get('name')!r} has no label")


class CheckingClient(Client):
    """A test client that validates every successful HTML response it receives."""

    def request(self, **request):
        response = super().request(**request)
        is_html = response.get("Content-Type", "").startswith("text/html")
        if response.status_code == 200 and is_html and not getattr(response, "streaming", False):
            check_page(response.content, request.get("PATH_INFO", "?"))
        return response
