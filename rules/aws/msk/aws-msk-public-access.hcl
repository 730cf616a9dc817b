rule "aws-msk-public-access" {
  title     = "MSK cluster brokers are reachable from the internet"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_msk_cluster"]

  description = <<-EOT
    With `broker_node_group_info.connectivity_info.public_access.type = "SERVICE_PROVIDED_EIPS"`
    every broker of the Kafka cluster gets a public IP address, and the cluster accepts
    connections from the internet wherever its security groups allow. The event streams (orders,
    user activity, change-data-capture of databases) are then one weak credential or one open
    security group rule away from anyone. The default, `DISABLED`, keeps brokers reachable only
    from the VPC. Network exposure is the customer's choice under the shared responsibility
    model. High: a data stream exposed to the internet.
  EOT
  remediation = <<-EOT
    Keep the brokers private and connect producers outside AWS through VPN, Direct Connect or
    multi-VPC private connectivity:

        resource "aws_msk_cluster" "events" {
          # ...
          broker_node_group_info {
            instance_type   = "kafka.m5.large"
            client_subnets  = aws_subnet.private[*].id
            security_groups = [aws_security_group.msk.id]
            connectivity_info {
              public_access {
                type = "DISABLED"
              }
            }
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/msk_cluster#public_access",
    "https://docs.aws.amazon.com/msk/latest/developerguide/public-access.html",
  ]

  assert {
    attribute "broker_node_group_info.connectivity_info.public_access.type" {
      equals  = "DISABLED"
      default = "DISABLED"
    }
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
          connectivity_info {
            public_access {
              type = "SERVICE_PROVIDED_EIPS"  # expect: aws-msk-public-access
            }
          }
        }
        client_authentication {
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
    EOT
  }
}
