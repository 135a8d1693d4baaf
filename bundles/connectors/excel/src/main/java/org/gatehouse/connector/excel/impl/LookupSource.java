package org.gatehouse.connector.excel.impl;

import org.gatehouse.api.DataSourceLookup;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * Where a workbook's nested read borrows the core's {@link DataSourceLookup}, for that read only.
 * <p>
 * Why not a plain service reference: the core's lookup needs the core's connector registry, and the registry, while it
 * activates, gets every connector service, this one included. A connector that bound the lookup itself while
 * activating closed that circle, and Felix refused it ("ServiceFactory.getService() resulted in a cycle") whenever
 * the excel connector was installed at boot. Borrowing at read time happens long after everyone has activated.
 */
interface LookupSource {

    /** No lookup: the core is not running. */
    LookupSource NONE = new LookupSource() {
        @Override
        public DataSourceLookup borrow() {
            return null;
        }

        @Override
        public void giveBack(DataSourceLookup lookup) {
        }
    };

    /** The lookup for one read, or null while there is none. */
    DataSourceLookup borrow();

    void giveBack(DataSourceLookup lookup);

    /** A lookup held for good: outside OSGi, in tests. */
    static LookupSource of(DataSourceLookup lookup) {
        return new LookupSource() {
            @Override
            public DataSourceLookup borrow() {
                return lookup;
            }

            @Override
            public void giveBack(DataSourceLookup borrowed) {
            }
        };
    }

    /** The lookup service as Declarative Services hands it over: got on borrow, released on give-back. */
    static LookupSource borrowedFrom(ComponentServiceObjects<DataSourceLookup> service) {
        return new LookupSource() {
            @Override
            public DataSourceLookup borrow() {
                return service.getService();
            }

            @Override
            public void giveBack(DataSourceLookup lookup) {
                if (lookup != null) {
                    service.ungetService(lookup);
                }
            }
        };
    }
}
