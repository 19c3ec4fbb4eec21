#ifndef LOTSE_CNCURSESW_SHIM_H
#define LOTSE_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#endif
