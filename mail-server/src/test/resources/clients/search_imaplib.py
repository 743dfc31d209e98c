"""IMAP SEARCH with Python's imaplib against the govmail server: prints 'label: uid uid ...' per search.

Usage: search_imaplib.py PORT USER PASSWORD
"""
import imaplib
import ssl
import sys

port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE
imap = imaplib.IMAP4_SSL("127.0.0.1", port, ssl_context=context)
imap.login(user, password)
imap.select("INBOX", readonly=True)


def search(label, *criteria, literal=None):
    if literal is not None:
        imap.literal = literal.encode("utf-8")
        typ, data = imap.uid("SEARCH", "CHARSET", "UTF-8", *criteria)
    else:
        typ, data = imap.uid("SEARCH", *criteria)
    if typ != "OK":
        print(f"{label}: ERROR {data}")
    else:
        print(f"{label}: {data[0].decode().strip()}")


search("body-folded", "BODY", '"van ban dien tu"')
search("body-utf8", "BODY", literal="kế hoạch chuyển đổi")
search("subject-utf8", "SUBJECT", literal="Lai Châu")
search("text-ascii", "TEXT", '"lai chau"')
search("or-not", "OR", "SUBJECT", "quarterly", "NOT", "BODY", '"giao ban"')
search("uid-range-body", "UID", "1:3", "BODY", '"bao cao"')
search("larger", "LARGER", "20000")
search("smaller", "SMALLER", "20000")
search("flagged", "FLAGGED")
search("unflagged-body", "UNFLAGGED", "BODY", "ngh")
search("since-not-seen", "SINCE", "1-Jan-2020", "NOT", "SEEN", "FROM", "john")
search("before", "BEFORE", "1-Jan-2020")
search("header", "HEADER", "X-Govmail-Case", "alpha")
search("cc", "CC", "vanthu@demo")
search("docx", "BODY", '"thu tuong chinh phu"')
search("nothing", "BODY", "zzqqxxyy")
imap.logout()
print("OK done")
