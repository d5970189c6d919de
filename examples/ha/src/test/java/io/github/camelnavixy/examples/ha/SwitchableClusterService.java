package io.github.camelnavixy.examples.ha;

import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

import java.util.List;
import java.util.Optional;

/**
 * A test double of a cluster service whose leadership the test hands out and takes back, so that the moment a node
 * steps down is known exactly. (Stopping a FileLockClusterService in Camel 4.14.1 does not tell the master consumer that
 * the leadership is gone, so it cannot serve to test stepping down in one JVM.)
 */
final class SwitchableClusterService extends AbstractCamelClusterService<SwitchableClusterService.View> {

    private volatile View view;

    SwitchableClusterService() {
        super("switchable");
    }

    @Override
    protected View createView(String namespace) {
        view = new View(this, namespace);
        return view;
    }

    /** Makes this node the leader of every view, or not, and tells the listeners (the master consumer). */
    void setLeader(boolean leader) {
        view.setLeader(leader);
    }

    static final class View extends AbstractCamelClusterView {

        private volatile boolean leader;
        private final CamelClusterMember local = new CamelClusterMember() {
            @Override
            public boolean isLeader() {
                return leader;
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public String getId() {
                return "local";
            }
        };

        View(SwitchableClusterService service, String namespace) {
            super(service, namespace);
        }

        void setLeader(boolean leader) {
            this.leader = leader;
            fireLeadershipChangedEvent(leader ? Optional.of(local) : Optional.empty());
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            return leader ? Optional.of(local) : Optional.empty();
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return List.of(local);
        }

        @Override
        protected void doStart() {
        }

        @Override
        protected void doStop() {
        }
    }
}
