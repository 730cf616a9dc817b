rule "aws-lb-internet-facing" {
  title     = "Load balancer is internet-facing"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_lb", "aws_alb", "aws_elb"]
  aliases   = ["AVD-AWS-0053", "aws-elb-alb-not-public"]

  description = <<-EOT
    A load balancer with `internal = false` (the default) gets public addresses and accepts
    connections from the whole internet, putting every listener and the targets behind it in
    reach of scanners and attacks. Internal-only services (back-office applications, service to
    service APIs) should use `internal = true`; which endpoints are public is the customer's
    network design under the shared responsibility model. Medium: an internet-facing load balancer
    is often intended; suppress the finding for the public front doors, with the reason, so that
    every new public endpoint is a visible decision. Gateway Load Balancers have no
    internet-facing scheme and are out of scope.
  EOT
  remediation = "Set `internal = true` for load balancers that serve only the VPC or connected networks; for public ones, suppress the finding and protect them with WAF and HTTPS."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#internal",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html#load-balancer-scheme",
  ]

  when {
    attribute "load_balancer_type" {
      not_equals = "gateway"
      default    = "application"
    }
  }

  assert {
    attribute "internal" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lb" "admin" {  # expect: aws-lb-internet-facing
        name    = "admin"
        subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lb" "admin" {
        name     = "admin"
        internal = false  # expect: aws-lb-internet-facing
        subnets  = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_lb" "admin" {
        name     = "admin"
        internal = true
        subnets  = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
      }

      resource "aws_lb" "inspection" {
        name               = "inspection"
        load_balancer_type = "gateway"
        subnets            = ["subnet-0123456789abcdef0"]
      }
    EOT
  }
}
