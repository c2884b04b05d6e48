#ifndef CRUCIBLE_CSQLITE_SHIM_H
#define CRUCIBLE_CSQLITE_SHIM_H
#include <sqlite3.h>

// sqlite3_db_config is variadic, which Swift cannot call; these fixed-arity forms can be.
static inline int crucible_sqlite3_db_config_int(sqlite3 *db, int op, int value) {
    return sqlite3_db_config(db, op, value, (int *)0);
}
#endif
