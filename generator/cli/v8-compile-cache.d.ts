/** v8-compile-cache ships no types; it is imported only for its side effect (a require hook). */
declare module 'v8-compile-cache';
