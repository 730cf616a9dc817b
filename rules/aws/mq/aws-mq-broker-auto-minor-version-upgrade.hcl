rule "aws-mq-broker-auto-minor-version-upgrade" {
  title     = "Amazon MQ broker does not take minor engine upgrades automatically"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_mq_broker"]
  aliases   = ["CKV_AWS_207"]

  description = <<-EOT
    Minor ActiveMQ and RabbitMQ versions fix security flaws in the broker. Without
    `auto_minor_version_upgrade = true` the broker keeps its version until someone upgrades it
    by hand; the argument defaults to `false` in the provider, so a broker that does not set it
    is reported. Brokers on ActiveMQ 5.18 or later and RabbitMQ 3.13 or later are not checked:
    for those versions Amazon MQ manages patch releases itself and the engine version is given
    as major.minor only. Which engine version runs is the customer's choice under the shared
    responsibility model. Low: a wider window for known vulnerabilities, no exposure by itself.
  EOT
  remediation = <<-EOT
    Let Amazon MQ apply minor versions in the maintenance window:

        resource "aws_mq_broker" "events" {
          # ...
          auto_minor_version_upgrade = true
          maintenance_window_start_time {
            day_of_week = "SUNDAY"
            time_of_day = "03:00"
            time_zone   = "UTC"
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mq_broker#auto_minor_version_upgrade",
    "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/upgrading-brokers.html",
  ]

  when {
    not {
      any {
        all {
          attribute "engine_type" {
            matches = "(?i)^activemq$"
          }
          attribute "engine_version" {
            matches = "^(5\\.(1[89]|[2-9][0-9])|[6-9]\\.)"
          }
        }
        all {
          attribute "engine_type" {
            matches = "(?i)^rabbitmq$"
          }
          attribute "engine_version" {
            matches = "^(3\\.(1[3-9]|[2-9][0-9])|[4-9]\\.)"
          }
        }
      }
    }
  }

  assert {
    attribute "auto_minor_version_upgrade" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_mq_broker" "events" {  # expect: aws-mq-broker-auto-minor-version-upgrade
        broker_name        = "events"
        engine_type        = "ActiveMQ"
        engine_version     = "5.17.6"
        host_instance_type = "mq.t3.micro"
        user {
          username = "app"
          password = var.mq_password
        }
      }
      variable "mq_password" {
        type      = string
        sensitive = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_mq_broker" "events" {
        broker_name                = "events"
        engine_type                = "ActiveMQ"
        engine_version             = "5.17.6"
        host_instance_type         = "mq.t3.micro"
        auto_minor_version_upgrade = true
        user {
          username = "app"
          password = var.mq_password
        }
      }
      variable "mq_password" {
        type      = string
        sensitive = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # Amazon MQ applies patch releases itself on ActiveMQ 5.18+ and RabbitMQ 3.13+.
      resource "aws_mq_broker" "queue" {
        broker_name        = "queue"
        engine_type        = "RabbitMQ"
        engine_version     = "3.13"
        host_instance_type = "mq.m5.large"
        user {
          username = "app"
          password = var.mq_password
        }
      }
      variable "mq_password" {
        type      = string
        sensitive = true
      }
    EOT
  }
}
