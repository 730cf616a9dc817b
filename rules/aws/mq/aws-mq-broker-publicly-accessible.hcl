rule "aws-mq-broker-publicly-accessible" {
  title     = "Amazon MQ broker is publicly accessible"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_mq_broker"]
  aliases   = ["CKV_AWS_69", "AVD-AWS-0072", "aws-mq-no-public-access"]

  description = <<-EOT
    A broker with `publicly_accessible = true` gets endpoints resolvable and reachable from the
    internet, outside the VPC's security groups' private scope, so its console and messaging
    ports can be scanned, brute-forced and attacked through any vulnerability of the broker
    engine. Message brokers carry application data between internal services and rarely need
    internet clients. The argument defaults to `false`. Network placement is the customer's side
    of the shared responsibility model. Severity is high: a data path is exposed to the internet,
    though clients still have to authenticate.
  EOT
  remediation = <<-EOT
    Keep the broker private and reach it from inside the VPC (or through a VPN or PrivateLink):

    ```hcl
    resource "aws_mq_broker" "events" {
      # ...
      publicly_accessible = false
      subnet_ids          = [aws_subnet.private.id]
      security_groups     = [aws_security_group.mq.id]
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mq_broker#publicly_accessible",
    "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/amazon-mq-security-best-practices.html",
  ]

  assert {
    attribute "publicly_accessible" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_mq_broker" "events" {
        broker_name         = "events"
        engine_type         = "ActiveMQ"
        engine_version      = "5.17.6"
        host_instance_type  = "mq.m5.large"
        publicly_accessible = true  # expect: aws-mq-broker-publicly-accessible

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

  example "bad" {
    code = <<-EOT
      variable "public" {
        type    = bool
        default = true
      }

      resource "aws_mq_broker" "events" {
        broker_name         = "events"
        engine_type         = "RabbitMQ"
        engine_version      = "3.13"
        host_instance_type  = "mq.m5.large"
        publicly_accessible = var.public  # expect: aws-mq-broker-publicly-accessible
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
        subnet_ids         = ["subnet-0a1b2c3d"]
      }
    EOT
  }
}
