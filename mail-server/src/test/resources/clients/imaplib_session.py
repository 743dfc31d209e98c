#!/usr/bin/env python3
"""An IMAP session with Python's imaplib (a client nobody in this project wrote) against govmail.

usage: imaplib_session.py PORT USER PASSWORD SUBJECT_TOKEN
Over IMAPS: LOGIN, CAPABILITY, LIST (SPECIAL-USE), SELECT, SEARCH, FETCH, STORE, EXPUNGE, GETQUOTAROOT.
Exits non-zero with a message on the first unexpected answer.
"""
import imaplib
import ssl
import sys

port, user, password, token = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE


def check(condition, message):
    if not condition:
        print("FAIL: " + message)
        sys.exit(1)


imap = imaplib.IMAP4_SSL("127.0.0.1", port, ssl_context=context)
for capability in ["IMAP4REV1", "IDLE", "MOVE", "UIDPLUS", "SPECIAL-USE", "QUOTA", "CONDSTORE", "ENABLE", "LITERAL+", "NAMESPACE"]:
    check(capability in imap.capabilities, "capability %s missing: %s" % (capability, imap.capabilities))

typ, _ = imap.login(user, password)
check(typ == "OK", "LOGIN failed")

typ, _ = imap._simple_command("LIST", '""', '"*"', "RETURN", "(SPECIAL-USE)")
folders = [line.decode() for line in imap.untagged_responses.pop("LIST", [])]
for name, flag in [("Sent", "\\Sent"), ("Drafts", "\\Drafts"), ("Trash", "\\Trash"), ("Junk", "\\Junk"), ("Archive", "\\Archive")]:
    check(any(('"%s"' % name) in f and flag in f for f in folders), "%s with %s missing in %s" % (name, flag, folders))

typ, data = imap.select("INBOX")
check(typ == "OK", "SELECT failed")
typ, data = imap.search(None, "SUBJECT", token)
ids = data[0].split()
check(len(ids) == 3, "SEARCH SUBJECT %s found %s, expected 3" % (token, ids))
typ, data = imap.search(None, "BODY", "bodyword-" + token)
check(len(data[0].split()) == 1, "SEARCH BODY found %s, expected 1" % data)

typ, data = imap.fetch(ids[0], "(FLAGS RFC822.SIZE BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
check(typ == "OK" and token.encode() in data[0][1], "FETCH header failed: %s" % data)

typ, _ = imap.store(ids[0], "+FLAGS", "(\\Deleted)")
check(typ == "OK", "STORE failed")
typ, data = imap.search(None, "DELETED")
check(ids[0] in data[0].split(), "STORE \\Deleted not visible in SEARCH DELETED")
typ, data = imap.expunge()
check(typ == "OK" and data[0] is not None, "EXPUNGE failed: %s" % data)
typ, data = imap.search(None, "SUBJECT", token)
check(len(data[0].split()) == 2, "after EXPUNGE expected 2 messages, found %s" % data)

typ, data = imap.getquotaroot("INBOX")
quota = repr(data)
check(typ == "OK" and "STORAGE" in quota and "1048576" in quota, "GETQUOTAROOT should show the 1 GiB default: %s" % quota)
imap.logout()
print("OK imaplib session")
