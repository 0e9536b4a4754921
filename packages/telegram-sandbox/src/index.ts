// Public surface of @org/telegram-sandbox. It is filled by its own issue; until then it exports nothing.
export {};
