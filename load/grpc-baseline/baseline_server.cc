// Reference point for the Evaluate benchmark: the C++ gRPC server (Debian's libgrpc++,
// callback API) answering scoringgrid.v1.Scoring/Evaluate with one fixed response.
// It parses the request like our server does, but does no scoring, so it is an upper
// bound on what a C++ implementation of the same API could do on this machine.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include <grpcpp/grpcpp.h>

#include "scoringgrid/v1/scoring.grpc.pb.h"

namespace {

class FixedScoring final : public scoringgrid::v1::Scoring::CallbackService {
 public:
  explicit FixedScoring(scoringgrid::v1::EvaluateResponse fixed) : fixed_(std::move(fixed)) {}

  grpc::ServerUnaryReactor* Evaluate(grpc::CallbackServerContext* context,
                                     const scoringgrid::v1::EvaluateRequest* /*request*/,
                                     scoringgrid::v1::EvaluateResponse* response) override {
    *response = fixed_;
    auto* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }

 private:
  const scoringgrid::v1::EvaluateResponse fixed_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: baseline_server PORT [RESPONSE.bin]\n";
    return 2;
  }
  scoringgrid::v1::EvaluateResponse fixed;
  if (argc >= 3) {
    std::ifstream in(argv[2], std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (!fixed.ParseFromString(bytes.str())) {
      std::cerr << "cannot parse " << argv[2] << " as EvaluateResponse\n";
      return 2;
    }
  } else {
    fixed.set_application_id("fixed");
  }

  FixedScoring service(std::move(fixed));
  grpc::ServerBuilder builder;
  builder.AddListeningPort(std::string("127.0.0.1:") + argv[1], grpc::InsecureServerCredentials());
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (!server) {
    std::cerr << "cannot listen on 127.0.0.1:" << argv[1] << "\n";
    return 1;
  }
  std::cout << "listening 127.0.0.1:" << argv[1] << std::endl;
  server->Wait();
  return 0;
}
