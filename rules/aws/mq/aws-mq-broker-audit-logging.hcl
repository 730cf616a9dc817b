rule "aws-mq-broker-audit-logging" {
  title     = "Amazon MQ ActiveMQ broker does not publish audit logs"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_mq_broker"]
  aliases   = ["AVD-AWS-0070", "aws-mq-enable-audit-logging"]

  description = <<-EOT
    ActiveMQ audit logs record management actions made through JMX and the web console: who
    created or deleted a queue or topic, changed a destination or purged messages. Without them
    an administrator's or an attacker's changes to the broker leave no trace in CloudWatch Logs.
    `logs.audit` defaults to `false`. Audit logs exist only for ActiveMQ brokers (RabbitMQ has
    none), so RabbitMQ brokers are not checked. Logging is the customer's configuration under
    the shared responsibility model. Severity is medium: missing detection, not exposure.
  EOT
  remediation = <<-EOT
    Publish the audit log to CloudWatch Logs:

    ```hcl
    resource "aws_mq_broker" "events" {
      # ...
      logs {
        audit   = true
        general = true
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mq_broker#logs",
    "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring-cloudwatch.html",
  ]

  when {
    attribute "engine_type" {
      matches = "(?i)^activemq$"
    }
  }

  assert {
    attribute "logs.audit" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_mq_broker" "events" {  # expect: aws-mq-broker-audit-logging
        broker_name        = "events"
        engine_type        = "ActiveMQ"
        engine_version     = "5.17.6"
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
          general = true
          audit   = false  # expect: aws-mq-broker-audit-logging
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_mq_broker" "events" {
        broker_name        = "events"
        engine_type        = "ActiveMQ"
        engine_version     = "5.17.6"
        host_instance_type = "mq.m5.large"

        logs {
          audit = true
        }
      }
    EOT
  }

  # RabbitMQ has no audit log.
  example "good" {
    code = <<-EOT
      resource "aws_mq_broker" "events" {
        broker_name        = "events"
        engine_type        = "RabbitMQ"
        engine_version     = "3.13"
        host_instance_type = "mq.m5.large"
      }
    EOT
  }
}
