// Public surface of @org/plume-analytics. It is filled by its own issue; until then it exports nothing.
export {};
