// The dependency graph of a scenario, its single points of failure and the what-if table,
// from specs built in code; then its JSON, DOT and text renderings.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "models/scenario_spec.h"
#include "reports/dependency_graph.h"
#include "reports/graph_dot.h"
#include "reports/graph_json.h"
#include "reports/graph_text.h"
#include "reports/spof_analysis.h"
#include "tests/models/spec_builder.h"
#include "tests/support/files.h"

namespace stacksim::reports {
namespace {

using models::ComponentKind;
using models::ComponentSpec;
using models::DnsRecordSpec;
using models::HostSpec;
using models::RequestClassSpec;
using models::ScenarioSpec;
using models::testing::component;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

HostSpec host(const std::string& name, const std::string& ip = "") {
  HostSpec h;
  h.name = name;
  h.ip = ip;
  return h;
}

ComponentSpec instanced(const std::string& name, ComponentKind kind,
                        std::vector<std::string> hosts) {
  ComponentSpec c = component(name, kind);
  c.instance_hosts = std::move(hosts);
  return c;
}

ComponentSpec dns_with(std::vector<DnsRecordSpec> records) {
  ComponentSpec dns = component("dns", ComponentKind::kDns);
  dns.records = std::move(records);
  return dns;
}

DnsRecordSpec a_record(const std::string& name, const std::string& address) {
  return {name, DnsRecordSpec::Type::kA, address};
}

RequestClassSpec request_class(const std::string& name, double weight,
                               std::vector<std::string> path, bool writes = false) {
  return {name, weight, std::move(path), writes};
}

// scenarios/single-server.json in code: dns off-box, web, app and db on server1.
ScenarioSpec single_server() {
  ScenarioSpec spec;
  spec.name = "single";
  spec.hosts = {host("server1", "8.8.8.8")};
  spec.components = {dns_with({{"www.foobar.com", DnsRecordSpec::Type::kCname, "foobar.com"},
                               a_record("foobar.com", "8.8.8.8")}),
                     component("web", ComponentKind::kWeb, "server1"),
                     component("app", ComponentKind::kApp, "server1"),
                     component("db", ComponentKind::kDb, "server1")};
  spec.workload.hostname = "www.foobar.com";
  spec.workload.mix = {request_class("static", 3, {"web"}),
                       request_class("product_page", 7, {"web", "app", "db"})};
  return spec;
}

// An lb on its own host in front of two web hosts, each with an app instance beside its web
// server; a db primary on db1 with a replica on db2, no automatic failover.
ScenarioSpec redundant_web() {
  ScenarioSpec spec;
  spec.name = "redundant";
  spec.hosts = {host("lb1"), host("web1"), host("web2"), host("db1"), host("db2")};
  ComponentSpec db = instanced("db", ComponentKind::kDb, {"db1", "db2"});
  db.primary_host = "db1";
  spec.components = {component("lb", ComponentKind::kLb, "lb1"),
                     instanced("web", ComponentKind::kWeb, {"web1", "web2"}),
                     instanced("app", ComponentKind::kApp, {"web1", "web2"}), db};
  spec.workload.mix = {request_class("browse", 3, {"lb", "web", "app", "db"}),
                       request_class("checkout", 1, {"lb", "web", "app", "db"}, true)};
  return spec;
}

const WhatIf& what_if_of(const SpofAnalysis& analysis, const std::string& target) {
  for (const WhatIf& w : analysis.what_if) {
    if (w.target == target) return w;
  }
  ADD_FAILURE() << "no what-if row for " << target;
  static const WhatIf kNone;
  return kNone;
}

std::vector<std::string> names_of_spofs(const ScenarioSpec& spec) {
  return analyse_spofs(DependencyGraph::build(spec)).spofs;
}

TEST(DependencyGraph, HasClientsHostsAndInstancesInOrder) {
  const auto graph = DependencyGraph::build(redundant_web());
  std::vector<std::string> names;
  for (GraphVertex v = 0; v < boost::num_vertices(graph.data()); ++v) {
    names.push_back(graph.node(v).name);
  }
  EXPECT_THAT(names, ElementsAre("clients", "lb1", "web1", "web2", "db1", "db2", "lb", "web@web1",
                                 "web@web2", "app@web1", "app@web2", "db@db1", "db@db2"));
  const GraphNode& web2 = graph.node(*graph.find("web@web2"));
  EXPECT_EQ(web2.kind_name(), "web");
  EXPECT_EQ(web2.component, "web");
  EXPECT_EQ(web2.host, "web2");
  EXPECT_EQ(graph.node(*graph.find("db1")).kind_name(), "host");
  EXPECT_EQ(graph.node(graph.clients()).kind_name(), "clients");
}

TEST(DependencyGraph, EdgesFollowClassPathsAndPlacement) {
  const auto graph = DependencyGraph::build(redundant_web());
  const auto& g = graph.data();
  auto relation = [&](const std::string& from, const std::string& to) -> std::string {
    const auto [e, found] = boost::edge(*graph.find(from), *graph.find(to), g);
    return found ? to_string(g[e].relation) : "none";
  };
  EXPECT_EQ(relation("clients", "lb"), "calls");
  EXPECT_EQ(relation("lb", "web@web1"), "calls");
  EXPECT_EQ(relation("lb", "web@web2"), "calls");
  EXPECT_EQ(relation("web@web1", "app@web2"), "calls");  // any instance of the next component
  EXPECT_EQ(relation("app@web2", "db@db2"), "calls");    // the read class uses the replica
  EXPECT_EQ(relation("web@web1", "web1"), "runs_on");
  EXPECT_EQ(relation("db@db2", "db2"), "runs_on");
  EXPECT_EQ(relation("clients", "web@web1"), "none");
  EXPECT_EQ(relation("lb", "app@web1"), "none");
  // 1 + 2 + 4 + 4 calls, 7 placements.
  EXPECT_EQ(boost::num_edges(g), 18u);
}

TEST(DependencyGraph, ClientsResolveThroughTheDns) {
  const auto graph = DependencyGraph::build(single_server());
  const auto& g = graph.data();
  const auto [e, found] = boost::edge(graph.clients(), *graph.find("dns"), g);
  ASSERT_TRUE(found);
  EXPECT_EQ(g[e].relation, GraphRelation::kResolves);
  EXPECT_TRUE(boost::edge(graph.clients(), *graph.find("web"), g).second);
  EXPECT_FALSE(boost::edge(*graph.find("dns"), *graph.find("web"), g).second);
  ASSERT_EQ(graph.classes().size(), 2u);
  EXPECT_TRUE(graph.classes()[0].resolves);
  EXPECT_EQ(graph.classes()[0].steps.size(), 2u);  // dns, web

  ScenarioSpec no_name = single_server();
  no_name.workload.hostname.clear();
  const auto direct = DependencyGraph::build(no_name);
  EXPECT_FALSE(boost::edge(direct.clients(), *direct.find("dns"), direct.data()).second);
  EXPECT_FALSE(direct.classes()[0].resolves);
}

TEST(SpofAnalysis, SingleServerListsItsHostAndEveryComponent) {
  const auto graph = DependencyGraph::build(single_server());
  const SpofAnalysis analysis = analyse_spofs(graph);
  EXPECT_THAT(analysis.spofs, ElementsAre("server1", "dns", "web", "app", "db"));
  ASSERT_EQ(analysis.what_if.size(), 5u);
  for (const char* target : {"server1", "dns", "web"}) {
    const WhatIf& w = what_if_of(analysis, target);
    EXPECT_THAT(w.classes_failing, ElementsAre("static", "product_page")) << target;
    EXPECT_EQ(w.class_share_failing, 1.0) << target;
    EXPECT_EQ(w.traffic_share_failing, 1.0) << target;
  }
  for (const char* target : {"app", "db"}) {
    const WhatIf& w = what_if_of(analysis, target);
    EXPECT_THAT(w.classes_failing, ElementsAre("product_page")) << target;
    EXPECT_EQ(w.class_share_failing, 0.5) << target;
    EXPECT_DOUBLE_EQ(w.traffic_share_failing, 0.7) << target;
  }
  EXPECT_EQ(what_if_of(analysis, "server1").kind, "host");
  EXPECT_EQ(what_if_of(analysis, "db").kind, "db");
  ASSERT_EQ(analysis.classes.size(), 2u);
  EXPECT_EQ(analysis.classes[0].name, "static");
  EXPECT_EQ(analysis.classes[0].weight, 3.0);
  EXPECT_THAT(analysis.classes[0].spofs, ElementsAre("server1", "dns", "web"));
  EXPECT_THAT(analysis.classes[1].spofs, ElementsAre("server1", "dns", "web", "app", "db"));
}

TEST(SpofAnalysis, EveryClassOnOneServerFailsWithEachPart) {
  ScenarioSpec spec = single_server();
  spec.workload.mix = {request_class("page", 1, {"web", "app", "db"})};
  const SpofAnalysis analysis = analyse_spofs(DependencyGraph::build(spec));
  EXPECT_THAT(analysis.spofs, ElementsAre("server1", "dns", "web", "app", "db"));
  for (const WhatIf& w : analysis.what_if) {
    EXPECT_EQ(w.traffic_share_failing, 1.0) << w.target;
    EXPECT_EQ(w.class_share_failing, 1.0) << w.target;
  }
}

TEST(SpofAnalysis, RedundantWebServersBehindALoadBalancerAreNotSpofs) {
  const SpofAnalysis analysis = analyse_spofs(DependencyGraph::build(redundant_web()));
  EXPECT_THAT(analysis.spofs, ElementsAre("lb1", "db1", "lb", "db@db1"));
  for (const char* target :
       {"web1", "web2", "web@web1", "web@web2", "app@web1", "app@web2", "db2", "db@db2"}) {
    EXPECT_THAT(what_if_of(analysis, target).classes_failing, IsEmpty()) << target;
    EXPECT_EQ(what_if_of(analysis, target).traffic_share_failing, 0.0) << target;
  }
  EXPECT_THAT(what_if_of(analysis, "lb").classes_failing, ElementsAre("browse", "checkout"));
  EXPECT_EQ(what_if_of(analysis, "lb1").traffic_share_failing, 1.0);
  // Only the writes need the primary: the reads go on on the replica.
  EXPECT_THAT(what_if_of(analysis, "db@db1").classes_failing, ElementsAre("checkout"));
  EXPECT_EQ(what_if_of(analysis, "db@db1").traffic_share_failing, 0.25);
  EXPECT_EQ(what_if_of(analysis, "db1").traffic_share_failing, 0.25);
  EXPECT_EQ(what_if_of(analysis, "db@db1").class_share_failing, 0.5);
  EXPECT_THAT(analysis.classes[0].spofs, ElementsAre("lb1", "lb"));
  EXPECT_THAT(analysis.classes[1].spofs, ElementsAre("lb1", "db1", "lb", "db@db1"));
}

TEST(SpofAnalysis, AutomaticFailoverTakesThePrimaryOffTheList) {
  ScenarioSpec spec = redundant_web();
  spec.components[3].failover_ns = 30 * sim::kNanosPerSecond;
  const SpofAnalysis analysis = analyse_spofs(DependencyGraph::build(spec));
  EXPECT_THAT(analysis.spofs, ElementsAre("lb1", "lb"));
  EXPECT_THAT(what_if_of(analysis, "db@db1").classes_failing, IsEmpty());
}

TEST(SpofAnalysis, WithoutAPrimaryHostTheFirstInstanceTakesTheWrites) {
  ScenarioSpec spec = redundant_web();
  spec.components[3].primary_host.clear();
  EXPECT_THAT(names_of_spofs(spec), ElementsAre("lb1", "db1", "lb", "db@db1"));
  spec.components[3].primary_host = "db2";
  EXPECT_THAT(names_of_spofs(spec), ElementsAre("lb1", "db2", "lb", "db@db2"));
}

TEST(SpofAnalysis, AReadOnlyMixDoesNotDependOnThePrimary) {
  ScenarioSpec spec = redundant_web();
  spec.workload.mix = {request_class("browse", 1, {"lb", "web", "app", "db"})};
  EXPECT_THAT(names_of_spofs(spec), ElementsAre("lb1", "lb"));
}

TEST(SpofAnalysis, AppColocatedOnOneWebHostOnlyMakesThatHostASpof) {
  ScenarioSpec spec = redundant_web();
  spec.components[2] = component("app", ComponentKind::kApp, "web1");
  EXPECT_THAT(names_of_spofs(spec), ElementsAre("lb1", "web1", "db1", "lb", "app", "db@db1"));
}

TEST(SpofAnalysis, DnsRoundRobinReachesOnlyTheHostsItPointsAt) {
  ScenarioSpec spec;
  spec.name = "round-robin";
  spec.hosts = {host("web1", "10.0.0.1"), host("web2", "10.0.0.2")};
  spec.components = {
      dns_with({a_record("www.example.com", "10.0.0.1"), a_record("www.example.com", "10.0.0.2")}),
      instanced("web", ComponentKind::kWeb, {"web1", "web2"})};
  spec.workload.hostname = "www.example.com";
  spec.workload.mix = {request_class("page", 1, {"web"})};
  EXPECT_THAT(names_of_spofs(spec), ElementsAre("dns"));

  // One A record: browsers never reach web2, so web1 is all there is.
  spec.components[0].records.pop_back();
  EXPECT_THAT(names_of_spofs(spec), ElementsAre("web1", "dns", "web@web1"));
  const auto graph = DependencyGraph::build(spec);
  EXPECT_FALSE(boost::edge(graph.clients(), *graph.find("web@web2"), graph.data()).second);

  // Addresses that match no host say nothing about which instance clients reach.
  spec.components[0].records = {a_record("www.example.com", "192.0.2.1")};
  EXPECT_THAT(names_of_spofs(spec), ElementsAre("dns"));
}

TEST(SpofAnalysis, ClassesFollowTheirOwnPathNotAnotherClassesShortcut) {
  // "direct" offers web -> db; "full" must still pass through app.
  ScenarioSpec spec;
  spec.name = "paths";
  spec.components = {component("web", ComponentKind::kWeb), component("app", ComponentKind::kApp),
                     component("db", ComponentKind::kDb)};
  spec.workload.mix = {request_class("direct", 1, {"web", "db"}),
                       request_class("full", 1, {"web", "app", "db"})};
  const SpofAnalysis analysis = analyse_spofs(DependencyGraph::build(spec));
  EXPECT_THAT(analysis.spofs, ElementsAre("web", "app", "db"));
  EXPECT_THAT(what_if_of(analysis, "app").classes_failing, ElementsAre("full"));
  EXPECT_EQ(what_if_of(analysis, "app").traffic_share_failing, 0.5);
}

TEST(SpofAnalysis, TrafficSharesAreExactByWeight) {
  ScenarioSpec spec = single_server();
  spec.workload.mix = {request_class("a", 1, {"web"}), request_class("b", 2, {"web", "app"}),
                       request_class("c", 5, {"web", "app", "db"})};
  const SpofAnalysis analysis = analyse_spofs(DependencyGraph::build(spec));
  EXPECT_EQ(what_if_of(analysis, "web").traffic_share_failing, 1.0);
  EXPECT_EQ(what_if_of(analysis, "app").traffic_share_failing, 7.0 / 8.0);
  EXPECT_EQ(what_if_of(analysis, "db").traffic_share_failing, 5.0 / 8.0);
  EXPECT_EQ(what_if_of(analysis, "db").class_share_failing, 1.0 / 3.0);
}

TEST(SpofAnalysis, UnusedPartsAndEmptyMixesFailNothing) {
  ScenarioSpec spec = single_server();
  spec.hosts.push_back(host("spare"));
  spec.components.push_back(component("cache", ComponentKind::kStation, "spare"));
  const SpofAnalysis analysis = analyse_spofs(DependencyGraph::build(spec));
  EXPECT_THAT(what_if_of(analysis, "spare").classes_failing, IsEmpty());
  EXPECT_THAT(what_if_of(analysis, "cache").classes_failing, IsEmpty());

  spec.workload.mix.clear();
  const SpofAnalysis empty = analyse_spofs(DependencyGraph::build(spec));
  EXPECT_THAT(empty.spofs, IsEmpty());
  EXPECT_EQ(what_if_of(empty, "server1").traffic_share_failing, 0.0);
  EXPECT_EQ(what_if_of(empty, "server1").class_share_failing, 0.0);
}

TEST(SpofAnalysis, AClassNothingCanServeIsNoTargetsFault) {
  ScenarioSpec spec = single_server();
  spec.workload.mix.push_back(request_class("broken", 1, {"web", "no-such-component"}));
  EXPECT_THAT(names_of_spofs(spec), ElementsAre("server1", "dns", "web", "app", "db"));
}

TEST(SpofAnalysis, RouteSurvivesChecksAnyFailureSet) {
  const auto graph = DependencyGraph::build(redundant_web());
  const ClassRoute& browse = graph.classes()[0];
  std::vector<bool> down(boost::num_vertices(graph.data()), false);
  EXPECT_TRUE(route_survives(graph, browse, down));
  down[*graph.find("web1")] = true;  // a host takes its instances with it
  EXPECT_TRUE(route_survives(graph, browse, down));
  down[*graph.find("app@web2")] = true;
  EXPECT_FALSE(route_survives(graph, browse, down));

  const std::vector<bool> host_down = failure_of(graph, *graph.find("web1"));
  EXPECT_TRUE(host_down[*graph.find("web@web1")]);
  EXPECT_TRUE(host_down[*graph.find("app@web1")]);
  EXPECT_FALSE(host_down[*graph.find("web@web2")]);
}

TEST(GraphJson, ListsNodesEdgesSpofsWhatIfsAndClasses) {
  const auto graph = DependencyGraph::build(single_server());
  const auto json = graph_json(graph, analyse_spofs(graph));
  EXPECT_EQ(json["scenario"], "single");
  ASSERT_EQ(json["nodes"].size(), 6u);
  EXPECT_EQ(json["nodes"][0], nlohmann::ordered_json({{"name", "clients"}, {"kind", "clients"}}));
  EXPECT_EQ(json["nodes"][1], nlohmann::ordered_json({{"name", "server1"}, {"kind", "host"}}));
  EXPECT_EQ(json["nodes"][2],
            nlohmann::ordered_json({{"name", "dns"}, {"kind", "dns"}, {"component", "dns"}}));
  EXPECT_EQ(json["nodes"][3],
            nlohmann::ordered_json(
                {{"name", "web"}, {"kind", "web"}, {"component", "web"}, {"host", "server1"}}));
  std::set<std::string> edges;
  for (const auto& e : json["edges"]) {
    edges.insert(e["from"].get<std::string>() + " " + e["relation"].get<std::string>() + " " +
                 e["to"].get<std::string>());
  }
  EXPECT_EQ(edges, (std::set<std::string>{"clients resolves dns", "clients calls web",
                                          "web calls app", "app calls db", "web runs_on server1",
                                          "app runs_on server1", "db runs_on server1"}));
  EXPECT_EQ(json["spofs"], nlohmann::ordered_json({"server1", "dns", "web", "app", "db"}));
  ASSERT_EQ(json["what_if"].size(), 5u);
  EXPECT_EQ(json["what_if"][4], nlohmann::ordered_json({{"target", "db"},
                                                        {"kind", "db"},
                                                        {"classes_failing", {"product_page"}},
                                                        {"traffic_share_failing", 0.7}}));
  EXPECT_EQ(json["classes"][0],
            nlohmann::ordered_json(
                {{"name", "static"}, {"weight", 3.0}, {"spofs", {"server1", "dns", "web"}}}));
}

TEST(GraphDot, DrawsHostsAsClustersAndSpofsInRed) {
  const auto graph = DependencyGraph::build(redundant_web());
  const std::string dot = graph_dot(graph, analyse_spofs(graph));
  EXPECT_EQ(dot.rfind("digraph \"redundant\" {\n", 0), 0u);
  EXPECT_EQ(dot.substr(dot.size() - 2), "}\n");
  for (const char* cluster : {"lb1", "web1", "web2", "db1", "db2"}) {
    EXPECT_NE(dot.find(std::string("subgraph \"cluster_") + cluster + "\" {"), std::string::npos)
        << cluster;
  }
  // lb (vertex 6) and db@db1 (vertex 11) are red; web@web1 (vertex 7) is not.
  EXPECT_NE(dot.find("n6 [label=\"lb\\nlb\", color=red, penwidth=2];"), std::string::npos);
  EXPECT_NE(dot.find("n11 [label=\"db@db1\\ndb\", color=red, penwidth=2];"), std::string::npos);
  EXPECT_NE(dot.find("n7 [label=\"web@web1\\nweb\"];"), std::string::npos);
  EXPECT_NE(dot.find("n0 -> n6;"), std::string::npos);
  EXPECT_NE(dot.find("n6 -> n7;"), std::string::npos);
  // The lb's cluster is red, the web hosts' are not; runs_on is drawn as membership.
  const auto lb1 = dot.find("subgraph \"cluster_lb1\"");
  const auto web1 = dot.find("subgraph \"cluster_web1\"");
  EXPECT_NE(dot.substr(lb1, web1 - lb1).find("    graph [color=red, penwidth=2];\n"),
            std::string::npos);
  EXPECT_EQ(dot.substr(web1, dot.find("subgraph \"cluster_web2\"") - web1).find("color=red"),
            std::string::npos);
  EXPECT_EQ(dot.find("runs_on"), std::string::npos);
  // Braces balance.
  EXPECT_EQ(std::count(dot.begin(), dot.end(), '{'), std::count(dot.begin(), dot.end(), '}'));
}

TEST(GraphDot, LabelsOnlyResolvesEdgesAndKeepsClientsAndDnsOutside) {
  const auto graph = DependencyGraph::build(single_server());
  const std::string dot = graph_dot(graph, analyse_spofs(graph));
  EXPECT_NE(dot.find("n0 -> n2 [label=\"resolves\"];"), std::string::npos);
  EXPECT_EQ(dot.find("label=\"calls\""), std::string::npos);
  const auto cluster = dot.find("subgraph \"cluster_server1\"");
  ASSERT_NE(cluster, std::string::npos);
  EXPECT_LT(dot.find("n0 [label=\"clients\\nclients\", shape=ellipse];"), cluster);
  EXPECT_LT(dot.find("n2 [label=\"dns\\ndns\", color=red, penwidth=2];"), cluster);
  EXPECT_GT(dot.find("n3 [label=\"web\\nweb\", color=red, penwidth=2];"), cluster);
}

TEST(GraphDot, EscapesNamesAndKeepsEmptyHostsVisible) {
  ScenarioSpec spec = single_server();
  spec.name = "say \"hi\"";
  spec.hosts.push_back(host("spare"));
  const auto graph = DependencyGraph::build(spec);
  const std::string dot = graph_dot(graph, analyse_spofs(graph));
  EXPECT_EQ(dot.rfind("digraph \"say \\\"hi\\\"\" {", 0), 0u);
  EXPECT_NE(dot.find("n2 [label=\"(nothing placed)\", shape=plaintext];"), std::string::npos);
}

TEST(GraphDot, GraphvizAcceptsIt) {
  if (std::system("command -v dot >/dev/null 2>&1") != 0) GTEST_SKIP() << "Graphviz not installed";
  const auto graph = DependencyGraph::build(redundant_web());
  const stacksim::testing::TempDir dir;
  const auto path = dir / "graph.dot";
  std::ofstream(path) << graph_dot(graph, analyse_spofs(graph));
  const std::string command = "dot -Tsvg -o /dev/null " + path.string();
  EXPECT_EQ(std::system(command.c_str()), 0);
}

TEST(GraphText, PrintsSpofsAndTheWhatIfTable) {
  const auto graph = DependencyGraph::build(redundant_web());
  const std::string text = graph_text(graph, analyse_spofs(graph));
  EXPECT_EQ(text.rfind("Dependency graph of redundant: 13 nodes, 18 edges, 2 request classes\n", 0),
            0u);
  EXPECT_NE(text.find("Single points of failure (4): lb1, db1, lb, db@db1\n"), std::string::npos);
  EXPECT_NE(text.find("target    kind  classes failing  traffic failing  failing classes\n"),
            std::string::npos);
  EXPECT_NE(text.find("db@db1    db    1/2 (50.0%)      25.0%            checkout\n"),
            std::string::npos);
  EXPECT_NE(text.find("web@web1  web   0/2 (0.0%)       0.0%\n"), std::string::npos);
}

TEST(GraphText, SaysNoneWithoutSpofs) {
  ScenarioSpec spec = redundant_web();
  spec.workload.mix.clear();
  const auto graph = DependencyGraph::build(spec);
  EXPECT_NE(graph_text(graph, analyse_spofs(graph)).find("Single points of failure (0): none\n"),
            std::string::npos);
}

}  // namespace
}  // namespace stacksim::reports
