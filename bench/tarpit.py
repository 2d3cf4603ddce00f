#!/usr/bin/env python3
"""A TCP tarpit: accepts every connection on 127.0.0.1:PORT and never sends a byte.

    tarpit.py PORT [--seconds S]

Accepted sockets are held open (and whatever the client sends is read and dropped) until the client
closes them or the tarpit exits, which it does by itself after S seconds (default 600). Prints
"listening" once the port is open.
"""
import argparse
import selectors
import socket
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("--seconds", type=float, default=600)
    args = parser.parse_args()

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(128)
    listener.setblocking(False)
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    print("listening", flush=True)

    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        for key, _ in selector.select(timeout=1):
            if key.fileobj is listener:
                client, _ = listener.accept()
                client.setblocking(False)
                selector.register(client, selectors.EVENT_READ)
            else:
                try:
                    data = key.fileobj.recv(65536)
                except OSError:
                    data = b""
                if not data:  # the client gave up
                    selector.unregister(key.fileobj)
                    key.fileobj.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
