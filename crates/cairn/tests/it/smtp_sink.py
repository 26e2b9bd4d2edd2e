"""A real SMTP server for Cairn's mail tests (aiosmtpd, loopback, random port).

usage: python3 smtp_sink.py FOLDER [--user NAME --password SECRET [--echo-password]]

Prints `READY <port>` once listening, then serves until stdin closes.
- Each accepted message is written to FOLDER/NNNN.json: envelope, headers, decoded text and
  HTML parts, and the raw message (written before the 250 reply, so a sender that got 250
  can read it at once).
- If FOLDER/reject holds a number N > 0, the next N messages get `451` and N is decremented.
- With --user/--password, AUTH (PLAIN, LOGIN) is required and checked; each attempt is
  appended to FOLDER/auth.jsonl as {"mechanism", "login", "ok"} (never the password).
  --echo-password makes failed AUTH replies quote the password received, like a careless
  server would, so the client's redaction can be tested.
"""

import asyncio
import email
import email.policy
import json
import logging
import os
import socket
import sys
import threading
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

# aiosmtpd warns about AUTH without TLS: that is the point of a loopback test server.
warnings.simplefilter("ignore")
logging.getLogger("mail.log").setLevel(logging.ERROR)

folder = sys.argv[1]
args = sys.argv[2:]
user = args[args.index("--user") + 1] if "--user" in args else None
password = args[args.index("--password") + 1] if "--password" in args else None
echo_password = "--echo-password" in args


def write_atomic(path, data):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(data)
    os.replace(tmp, path)


class Sink:
    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        reject = os.path.join(folder, "reject")
        if os.path.exists(reject):
            with open(reject, encoding="utf-8") as f:
                n = int(f.read().strip() or "0")
            if n > 0:
                write_atomic(reject, str(n - 1))
                return "451 4.3.0 Mailbox temporarily unavailable, try again later"
        msg = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        parts = {}
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                parts[part.get_content_subtype()] = part.get_content()
        self.count += 1
        auth = getattr(session, "auth_data", None)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "login": auth.login.decode() if isinstance(auth, LoginPassword) else None,
            "from": str(msg["From"]),
            "to": str(msg["To"]),
            "subject": str(msg["Subject"]),
            "text": parts.get("plain"),
            "html": parts.get("html"),
            "raw": envelope.original_content.decode("utf-8", "replace"),
        }
        write_atomic(os.path.join(folder, f"{self.count:04}.json"), json.dumps(record))
        return "250 2.0.0 Message accepted"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login.decode() == user
        and auth_data.password.decode() == password
    )
    login = auth_data.login.decode() if isinstance(auth_data, LoginPassword) else None
    with open(os.path.join(folder, "auth.jsonl"), "a", encoding="utf-8") as f:
        f.write(json.dumps({"mechanism": mechanism, "login": login, "ok": ok}) + "\n")
    if not ok and echo_password and isinstance(auth_data, LoginPassword):
        sent = auth_data.password.decode()
        return AuthResult(success=False, handled=False, message=f"535 5.7.8 Wrong password {sent} for {login}")
    return AuthResult(success=ok, handled=False, auth_data=auth_data)


async def main():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    kwargs = {}
    if user is not None:
        kwargs = dict(auth_required=True, auth_require_tls=False, authenticator=authenticator)
    handler = Sink()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, hostname="sink.test", **kwargs), sock=sock)
    print(f"READY {sock.getsockname()[1]}", flush=True)
    # Exit when the test closes stdin (or dies): no server outlives its test.
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    await server.serve_forever()


asyncio.run(main())
