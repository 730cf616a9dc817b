rule "aws-msk-unauthenticated-access" {
  title     = "MSK cluster accepts clients without authentication"
  severity  = "high"
  area      = "identity-access"
  resources = ["aws_msk_cluster"]

  description = <<-EOT
    An MSK cluster authenticates clients with IAM (`client_authentication.sasl.iam`), SASL/SCRAM
    (`sasl.scram`) or mutual TLS (`tls.certificate_authority_arns`). A cluster that enables none
    of them, or sets `client_authentication.unauthenticated = true`, lets any client that reaches
    a broker produce to and consume from every topic and, without Kafka ACLs, create and delete
    topics: reading the event streams and injecting events that downstream systems trust. Without
    a `client_authentication` block the cluster has unauthenticated access only. Who may connect
    is the customer's configuration under the shared responsibility model. High: a data stream
    open to every client on the network path.
  EOT
  remediation = <<-EOT
    Require IAM (or SCRAM, or mutual TLS) and turn unauthenticated access off:

        resource "aws_msk_cluster" "events" {
          # ...
          client_authentication {
            unauthenticated = false
            sasl {
              iam = true
            }
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/msk_cluster#client_authentication",
    "https://docs.aws.amazon.com/msk/latest/developerguide/kafka_apis_iam.html",
  ]

  assert {
    attribute "client_authentication.unauthenticated" {
      equals  = false
      default = false
    }
    any {
      attribute "client_authentication.sasl.iam" {
        equals = true
      }
      attribute "client_authentication.sasl.scram" {
        equals = true
      }
      attribute "client_authentication.tls.certificate_authority_arns" {
        length_gte = 1
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_msk_cluster" "events" {  # expect: aws-msk-unauthenticated-access
        cluster_name           = "events"
        kafka_version          = "3.6.0"
        number_of_broker_nodes = 3
        broker_node_group_info {
          instance_type   = "kafka.m5.large"
          client_subnets  = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1", "subnet-0123456789abcdef2"]
          security_groups = ["sg-0123456789abcdef0"]
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_msk_cluster" "events" {
        cluster_name           = "events"
        kafka_version          = "3.6.0"
        number_of_broker_nodes = 3
        broker_node_group_info {
          instance_type   = "kafka.m5.large"
          client_subnets  = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1", "subnet-0123456789abcdef2"]
          security_groups = ["sg-0123456789abcdef0"]
        }
        client_authentication {
          unauthenticated = true  # expect: aws-msk-unauthenticated-access
          sasl {
            iam = true
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_msk_cluster" "events" {
        cluster_name           = "events"
        kafka_version          = "3.6.0"
        number_of_broker_nodes = 3
        broker_node_group_info {
          instance_type   = "kafka.m5.large"
          client_subnets  = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1", "subnet-0123456789abcdef2"]
          security_groups = ["sg-0123456789abcdef0"]
        }
        client_authentication {
          sasl {
            iam = true
          }
        }
      }
      resource "aws_msk_cluster" "mtls" {
        cluster_name           = "mtls"
        kafka_version          = "3.6.0"
        number_of_broker_nodes = 3
        broker_node_group_info {
          instance_type   = "kafka.m5.large"
          client_subnets  = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1", "subnet-0123456789abcdef2"]
          security_groups = ["sg-0123456789abcdef0"]
        }
        client_authentication {
          tls {
            certificate_authority_arns = ["arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/0f3b1c2d-1234-4abc-9def-0123456789ab"]
          }
        }
      }
    EOT
  }
}
