"""A real SMTP server on loopback that stores what it receives: for the sendmail test.

Usage: smtp_sink.py PORT MAILDIR  — prints "ready" when listening, stops after 60 s or on stdin EOF.
"""
import sys
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox

port, mailbox = int(sys.argv[1]), sys.argv[2]
controller = Controller(Mailbox(mailbox), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
stop = threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
stop.wait(60)
controller.stop()
