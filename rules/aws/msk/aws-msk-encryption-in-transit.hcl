rule "aws-msk-encryption-in-transit" {
  title     = "MSK cluster accepts plaintext traffic from clients or between brokers"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_msk_cluster"]
  aliases   = ["CKV_AWS_81", "AVD-AWS-0073", "aws-msk-enable-in-transit-encryption"]

  description = <<-EOT
    Kafka records often carry customer events, identifiers and tokens. With
    `encryption_info.encryption_in_transit.client_broker` set to `PLAINTEXT` or `TLS_PLAINTEXT`,
    producers and consumers may talk to the brokers unencrypted, so anyone on the network path
    can read or alter the stream; with `in_cluster = false`, replication traffic between brokers
    is unencrypted. The provider defaults are `TLS` and `true`, so only a setting that weakens them
    is reported. Encrypting data in transit is the customer's setting under the shared
    responsibility model. Severity is high: sensitive data crosses the network in clear text.
  EOT
  remediation = <<-EOT
    Require TLS from clients and between brokers:

    ```hcl
    resource "aws_msk_cluster" "events" {
      # ...
      encryption_info {
        encryption_in_transit {
          client_broker = "TLS"
          in_cluster    = true
        }
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/msk_cluster#encryption_in_transit",
    "https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html",
  ]

  assert {
    attribute "encryption_info.encryption_in_transit.client_broker" {
      equals  = "TLS"
      default = "TLS"
    }
    attribute "encryption_info.encryption_in_transit.in_cluster" {
      equals  = true
      default = true
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
          client_subnets  = ["subnet-0a", "subnet-0b", "subnet-0c"]
          security_groups = ["sg-0123456789abcdef0"]
        }

        encryption_info {
          encryption_in_transit {
            client_broker = "TLS_PLAINTEXT"  # expect: aws-msk-encryption-in-transit
          }
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
          client_subnets  = ["subnet-0a", "subnet-0b", "subnet-0c"]
          security_groups = ["sg-0123456789abcdef0"]
        }

        encryption_info {
          encryption_in_transit {
            client_broker = "TLS"
            in_cluster    = false  # expect: aws-msk-encryption-in-transit
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
          client_subnets  = ["subnet-0a", "subnet-0b", "subnet-0c"]
          security_groups = ["sg-0123456789abcdef0"]
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
          client_subnets  = ["subnet-0a", "subnet-0b", "subnet-0c"]
          security_groups = ["sg-0123456789abcdef0"]
        }

        encryption_info {
          encryption_in_transit {
            client_broker = "TLS"
            in_cluster    = true
          }
        }
      }
    EOT
  }
}
