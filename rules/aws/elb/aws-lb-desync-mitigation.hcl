rule "aws-lb-desync-mitigation" {
  title     = "Application Load Balancer lets ambiguous requests through (desync mitigation in monitor mode)"
  severity  = "medium"
  area      = "application-workload"
  resources = ["aws_lb", "aws_alb"]
  aliases   = ["CKV_AWS_328"]

  description = <<-EOT
    HTTP desync (request smuggling) attacks send requests that the load balancer and the target
    parse differently, letting an attacker prepend data to another user's request, poison caches or
    bypass path-based rules. `desync_mitigation_mode` decides what the load balancer does with
    ambiguous requests: `defensive` (the default) and `strictest` block the dangerous ones,
    `monitor` forwards everything. The mode is customer configuration under the shared
    responsibility model. Medium: it removes a protocol-level protection in front of the
    application.
  EOT
  remediation = "Set `desync_mitigation_mode = \"defensive\"` (or `\"strictest\"`), or remove the argument."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#desync_mitigation_mode",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#desync-mitigation-mode",
  ]

  assert {
    attribute "desync_mitigation_mode" {
      one_of  = ["defensive", "strictest"]
      default = "defensive"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lb" "web" {
        name                   = "web"
        subnets                = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
        desync_mitigation_mode = "monitor"  # expect: aws-lb-desync-mitigation
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_lb" "web" {
        name                   = "web"
        subnets                = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
        desync_mitigation_mode = "strictest"
      }

      resource "aws_lb" "api" {
        name    = "api"
        subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
      }
    EOT
  }
}
