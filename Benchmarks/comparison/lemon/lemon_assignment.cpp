// Solves a DIMACS assignment file (p asn) with LEMON's network simplex or
// cost scaling, as a min-cost flow: one unit leaves each node its n lines
// name and one unit reaches each other node. Built and run by
// compare_sparse.py; prints one JSON object with the objective and the
// seconds of the algorithm's run alone (reading the file is not timed).
//
//   lemon_assignment network-simplex|cost-scaling FILE
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using Graph = lemon::SmartDigraph;

int main(int argc, char **argv) {
    if (argc != 3) {
        std::cerr << "usage: lemon_assignment network-simplex|cost-scaling FILE\n";
        return 64;
    }
    std::string algorithm = argv[1];
    std::ifstream input(argv[2]);
    if (!input) {
        std::cerr << argv[2] << ": cannot be read\n";
        return 1;
    }
    Graph graph;
    std::vector<Graph::Node> nodes;
    std::vector<char> source;
    std::vector<long long> costs;
    std::vector<Graph::Arc> arcs;
    std::string line;
    while (std::getline(input, line)) {
        if (line.empty()) continue;
        std::istringstream fields(line);
        char kind;
        fields >> kind;
        if (kind == 'p') {
            std::string format;
            long long count, arcCount;
            fields >> format >> count >> arcCount;
            graph.reserveNode(count);
            graph.reserveArc(arcCount);
            for (long long i = 0; i < count; ++i) nodes.push_back(graph.addNode());
            source.assign(count, 0);
            arcs.reserve(arcCount);
            costs.reserve(arcCount);
        } else if (kind == 'n') {
            long long id;
            fields >> id;
            source[id - 1] = 1;
        } else if (kind == 'a') {
            long long from, to, cost;
            fields >> from >> to >> cost;
            arcs.push_back(graph.addArc(nodes[from - 1], nodes[to - 1]));
            costs.push_back(cost);
        }
    }
    Graph::ArcMap<long long> cost(graph);
    for (size_t i = 0; i < arcs.size(); ++i) cost[arcs[i]] = costs[i];
    // Each arc carries at most one unit: without the bound, cost scaling
    // refuses arcs of negative cost as unbounded.
    Graph::ArcMap<long long> upper(graph, 1);
    Graph::NodeMap<long long> supply(graph);
    for (size_t i = 0; i < nodes.size(); ++i) supply[nodes[i]] = source[i] ? 1 : -1;
    auto start = std::chrono::steady_clock::now();
    long long objective = 0;
    bool optimal = false;
    if (algorithm == "network-simplex") {
        lemon::NetworkSimplex<Graph, long long, long long> solver(graph);
        solver.upperMap(upper).costMap(cost).supplyMap(supply);
        optimal = solver.run() == lemon::NetworkSimplex<Graph, long long, long long>::OPTIMAL;
        if (optimal) objective = solver.totalCost<long long>();
    } else if (algorithm == "cost-scaling") {
        lemon::CostScaling<Graph, long long, long long> solver(graph);
        solver.upperMap(upper).costMap(cost).supplyMap(supply);
        optimal = solver.run() == lemon::CostScaling<Graph, long long, long long>::OPTIMAL;
        if (optimal) objective = solver.totalCost<long long>();
    } else {
        std::cerr << "unknown algorithm " << algorithm << "\n";
        return 64;
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("{\"solver\": \"lemon-%s\", \"seconds\": [%.6f], \"objective\": %lld, \"optimal\": %s}\n",
                algorithm.c_str(), seconds, objective, optimal ? "true" : "false");
    return optimal ? 0 : 2;
}
