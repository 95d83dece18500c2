/**
 * The provider SPI ({@link dev.tollgate.provider.ChatProvider}) and the transport steps every
 * provider shares. Each provider family lives in a sub-package of its own: a transport class and
 * pure translators, with its wire records private to the package.
 */
package dev.tollgate.provider;
