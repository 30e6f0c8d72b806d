/** Search spaces: their decisions, architectures, canonical ids, enumeration and sampling. */
package org.evalnas.api.space;
