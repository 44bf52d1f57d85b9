"""Telegram bot (and the console chat that gives the same answers without Telegram).

The only package that imports `telegram`. Entry points: `bot.app.run_bot(settings)` and
`bot.console.run_console(settings)`.
"""
