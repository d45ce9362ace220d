"""A real SMTP server for the digest tests (python3-aiosmtpd from Debian).

Writes each accepted message to OUT/NNN.eml. --refuse N answers the first N transactions'
MAIL FROM with 451 (a server that refuses for now); --drop N closes the connection at the first
N MAIL FROMs (a server that drops it). Prints READY when it listens.
"""
import argparse
import asyncio
import os
import signal
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, out, refuse, drop):
        self.out, self.refuse, self.drop, self.count = out, refuse, drop, 0

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.refuse > 0:
            self.refuse -= 1
            return "451 4.3.0 Try again later"
        if self.drop > 0:
            self.drop -= 1
            server.transport.abort()
            return "421 4.3.0 Closing"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.out, "%03d.eml" % self.count)
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content)
        os.replace(path + ".tmp", path)
        return "250 2.0.0 Accepted"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--refuse", type=int, default=0)
    p.add_argument("--drop", type=int, default=0)
    a = p.parse_args()
    controller = Controller(Sink(a.out, a.refuse, a.drop), hostname="127.0.0.1", port=a.port, decode_data=False, enable_SMTPUTF8=True)
    controller.start()
    print("READY", flush=True)
    signal.sigwait([signal.SIGTERM, signal.SIGINT])
    controller.stop()


if __name__ == "__main__":
    main()
