"""A real SMTP server on loopback that stores what it receives: for the sendmail test.

Usage: smtp_sink.py PORT MAILDIR  — prints "ready" when listening, stops on stdin EOF (the test closes
it, or its process ends) or, should both hang, after 600 s. (60 s was too short: under a parallel test run the
night before the email took up to 67 s, and the sink was gone when sendmail came.)
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
stop.wait(600)
controller.stop()
