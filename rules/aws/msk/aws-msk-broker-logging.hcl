rule "aws-msk-broker-logging" {
  title     = "MSK cluster does not deliver its broker logs anywhere"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_msk_cluster"]
  aliases   = ["CKV_AWS_80", "AVD-AWS-0074", "aws-msk-enable-logging"]

  description = <<-EOT
    Kafka broker logs record client connections, authentication and authorisation failures
    (with SASL/IAM or mTLS), and broker errors. MSK keeps them only when
    `logging_info.broker_logs` enables at least one destination: `cloudwatch_logs`, `firehose`
    or `s3`. Without any, an unauthorised client probing topics or a broker misbehaving leaves no
    trace. Monitoring is the customer's side of the shared responsibility model. Severity is
    medium: missing detection, not exposure.
  EOT
  remediation = <<-EOT
    Deliver broker logs to at least one destination:

    ```hcl
    resource "aws_msk_cluster" "events" {
      # ...
      logging_info {
        broker_logs {
          cloudwatch_logs {
            enabled   = true
            log_group = aws_cloudwatch_log_group.msk.name
          }
        }
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/msk_cluster#logging_info",
    "https://docs.aws.amazon.com/msk/latest/developerguide/msk-logging.html",
  ]

  assert {
    any {
      attribute "logging_info.broker_logs.cloudwatch_logs.enabled" {
        equals = true
      }
      attribute "logging_info.broker_logs.firehose.enabled" {
        equals = true
      }
      attribute "logging_info.broker_logs.s3.enabled" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_msk_cluster" "events" {  # expect: aws-msk-broker-logging
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

        logging_info {
          broker_logs {
            cloudwatch_logs {
              enabled   = false  # expect: aws-msk-broker-logging
              log_group = "msk-events"
            }
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

        logging_info {
          broker_logs {
            cloudwatch_logs {
              enabled   = false
              log_group = "msk-events"
            }
            s3 {
              enabled = true
              bucket  = "example-msk-logs"
              prefix  = "events/"
            }
          }
        }
      }
    EOT
  }
}
