rule "aws-mq-broker-general-logging" {
  title     = "Amazon MQ broker does not publish general logs"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_mq_broker"]
  aliases   = ["AVD-AWS-0071", "aws-mq-enable-general-logging"]

  description = <<-EOT
    The general log of a broker records connections, authentication failures, errors and engine
    events. Without it in CloudWatch Logs, failed logins from a credential-stuffing attempt or a
    client misbehaving cannot be seen or alerted on. `logs.general` defaults to `false`, for
    ActiveMQ and RabbitMQ brokers alike. Logging is the customer's configuration under the shared
    responsibility model. Severity is low: operational visibility, not exposure.
  EOT
  remediation = <<-EOT
    Publish the general log to CloudWatch Logs:

    ```hcl
    resource "aws_mq_broker" "events" {
      # ...
      logs {
        general = true
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mq_broker#logs",
    "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring-cloudwatch.html",
  ]

  assert {
    attribute "logs.general" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_mq_broker" "events" {  # expect: aws-mq-broker-general-logging
        broker_name        = "events"
        engine_type        = "RabbitMQ"
        engine_version     = "3.13"
        host_instance_type = "mq.m5.large"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_mq_broker" "events" {
        broker_name        = "events"
        engine_type        = "ActiveMQ"
        engine_version     = "5.17.6"
        host_instance_type = "mq.m5.large"

        logs {
          audit   = true
          general = false  # expect: aws-mq-broker-general-logging
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_mq_broker" "events" {
        broker_name        = "events"
        engine_type        = "RabbitMQ"
        engine_version     = "3.13"
        host_instance_type = "mq.m5.large"

        logs {
          general = true
        }
      }
    EOT
  }
}
