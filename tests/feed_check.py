#!/usr/bin/python3
"""Reads a podcast feed the way podcast apps do, with feedparser (Debian's
python3-feedparser): feed_check.py FEED DIR BASE_URL.

Every entry must name, under BASE_URL, files of DIR: its enclosure with its
exact length in bytes, and a Podcasting 2.0 chapters file that parses.
Prints "N entries" and exits 0, or prints what is wrong and exits 1."""
import json
import os
import sys

import feedparser


def local(url, base, folder):
    if not url.startswith(base):
        raise ValueError(f"{url} is not under {base}")
    return os.path.join(folder, url[len(base):])


def check(entry, base, folder):
    enclosure = entry.enclosures[0]
    audio = local(enclosure["href"], base, folder)
    if int(enclosure["length"]) != os.path.getsize(audio):
        raise ValueError(f"{audio}: enclosure says {enclosure['length']} bytes, "
                         f"the file has {os.path.getsize(audio)}")
    with open(local(entry["podcast_chapters"]["url"], base, folder), encoding="utf-8") as f:
        chapters = json.load(f)["chapters"]
    if not chapters or "startTime" not in chapters[0]:
        raise ValueError(f"{entry.id}: no chapters")


def main():
    feed_path, folder, base = sys.argv[1:4]
    feed = feedparser.parse(feed_path)
    if feed.bozo or feed.version != "rss20":
        print(f"{feed_path}: not a well-formed RSS 2.0 feed: {feed.get('bozo_exception')}")
        return 1
    try:
        for entry in feed.entries:
            check(entry, base, folder)
    except (ValueError, KeyError, IndexError, OSError) as e:
        print(e)
        return 1
    print(f"{len(feed.entries)} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
