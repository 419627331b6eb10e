"""An aiosmtpd handler for BusFlow's delivery and browser tests: saves each message it accepts as an .eml file.

    python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c eml_sink.SaveToFolder FOLDER [SECONDS]

(with this file's folder on PYTHONPATH). Each message is written whole, as received, to a temporary
name and then renamed to <n>.eml, so a reader never sees half a file. SECONDS, when given, is how
long the server takes over each message before it answers, as a busy relay would (the fault tests
need a mail run that lasts).
"""
import asyncio
import itertools
import os


class SaveToFolder:
    def __init__(self, folder, delay=0.0):
        self.folder = folder
        self.delay = delay
        self.counter = itertools.count(1)
        os.makedirs(folder, exist_ok=True)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) not in (1, 2):
            parser.error("SaveToFolder takes the folder to save messages in and, optionally, the seconds each message takes")
        return cls(args[0], float(args[1]) if len(args) == 2 else 0.0)

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        name = "%06d" % next(self.counter)
        data = envelope.original_content or envelope.content
        if isinstance(data, str):
            data = data.encode("utf-8")
        partial = os.path.join(self.folder, name + ".part")
        with open(partial, "wb") as f:
            f.write(data)
        os.replace(partial, os.path.join(self.folder, name + ".eml"))
        return "250 2.0.0 Ok: queued as %s" % name
