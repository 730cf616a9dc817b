rule "aws-elb-classic-plain-http" {
  title     = "Classic Load Balancer listener accepts plain HTTP or TCP from clients"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_elb"]

  description = <<-EOT
    A Classic Load Balancer `listener` with `lb_protocol = "http"` or `"tcp"` receives client
    traffic unencrypted, so credentials, cookies and data cross the internet in cleartext and can be
    read or altered on the path. Classic listeners cannot redirect HTTP to HTTPS, so the rule
    flags every plain listener. Choosing TLS termination is the customer's configuration under the
    shared responsibility model. High: sensitive data in transit without encryption. Migrating to
    an Application Load Balancer, which can redirect, is the long-term fix.
  EOT
  remediation = "Use `lb_protocol = \"https\"` (or `\"ssl\"`) with `ssl_certificate_id`, or move to an `aws_lb` with an HTTPS listener and an HTTP-to-HTTPS redirect."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elb#listener",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html",
  ]

  assert {
    each "listener" {
      attribute "lb_protocol" {
        one_of = ["https", "HTTPS", "ssl", "SSL"]
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_elb" "legacy" {
        name               = "legacy"
        availability_zones = ["eu-west-1a"]

        listener {
          instance_port     = 8080
          instance_protocol = "http"
          lb_port           = 80
          lb_protocol       = "http"  # expect: aws-elb-classic-plain-http
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_elb" "legacy" {
        name               = "legacy"
        availability_zones = ["eu-west-1a"]

        listener {
          instance_port      = 8443
          instance_protocol  = "https"
          lb_port            = 443
          lb_protocol        = "https"
          ssl_certificate_id = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
        }
      }
    EOT
  }
}
