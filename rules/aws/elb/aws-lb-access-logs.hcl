rule "aws-lb-access-logs" {
  title     = "Load balancer does not write access logs"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_lb", "aws_alb"]
  aliases   = ["CKV_AWS_91"]

  description = <<-EOT
    Load balancer access logs record every request with client address, path, status and TLS
    details. Without them there is no record of which clients probed, exploited or scraped the
    application, and no way to scope an incident. Logging is off unless the customer configures an
    S3 destination: it is the customer's side of the shared responsibility model. Medium: it is
    detection, not exposure. The `access_logs` block's `enabled` defaults to `false`, so a block
    naming only a bucket does not log.
  EOT
  remediation = "Add `access_logs { bucket = \"LOG-BUCKET\", enabled = true }` to the load balancer, with a bucket policy that lets Elastic Load Balancing write to it."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#access_logs",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html",
  ]

  assert {
    attribute "access_logs.enabled" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lb" "web" {  # expect: aws-lb-access-logs
        name    = "web"
        subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lb" "web" {
        name    = "web"
        subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]

        access_logs {  # expect: aws-lb-access-logs
          bucket = "example-lb-logs"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_lb" "web" {
        name    = "web"
        subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]

        access_logs {
          bucket  = "example-lb-logs"
          prefix  = "web"
          enabled = true
        }
      }
    EOT
  }
}
