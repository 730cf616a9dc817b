rule "aws-lb-listener-plain-http" {
  title     = "Load balancer listener serves plain HTTP instead of redirecting to HTTPS"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_lb_listener", "aws_alb_listener"]
  aliases   = ["CKV_AWS_2", "CKV2_AWS_20", "AVD-AWS-0054", "aws-elb-http-not-used"]

  description = <<-EOT
    An HTTP listener that forwards requests to the application sends credentials, session
    cookies and data in cleartext between the client and the load balancer, where anyone on the
    path (a public Wi-Fi, a compromised router) can read or alter them. The load balancer offers
    TLS termination, but choosing it is the customer's configuration under the shared
    responsibility model. For Application Load Balancers `protocol` defaults to `HTTP`. An HTTP
    listener is accepted when every default action redirects to `HTTPS` or returns a fixed
    response; note that a `redirect` block without `protocol` keeps the original protocol
    (`#{protocol}`), so it must say `HTTPS`. (Gateway Load Balancer listeners have no protocol and
    are treated as HTTP here; suppress the finding for them.) A listener without a
    `default_action` is not valid Terraform and is flagged as well.
  EOT
  remediation = "Serve the application on an HTTPS listener (`protocol = \"HTTPS\"`, `certificate_arn`, a TLS 1.2+ `ssl_policy`) and change the HTTP listener's default action to `redirect { protocol = \"HTTPS\", port = \"443\", status_code = \"HTTP_301\" }`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_listener",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html",
  ]

  when {
    attribute "protocol" {
      equals  = "HTTP"
      default = "HTTP"
    }
  }

  assert {
    # `default_action` is required: a listener without one is not exempt.
    every "default_action" {
      any {
        all {
          attribute "type" {
            equals = "redirect"
          }
          attribute "redirect.protocol" {
            equals  = "HTTPS"
            default = "#{protocol}"
          }
        }
        attribute "type" {
          equals = "fixed-response"
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lb_listener" "web" {
        load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef"
        port              = 80
        protocol          = "HTTP"

        default_action {
          type             = "forward"  # expect: aws-lb-listener-plain-http
          target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      # protocol defaults to HTTP for an Application Load Balancer.
      resource "aws_lb_listener" "web" {
        load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef"
        port              = 8080

        default_action {
          type = "redirect"

          redirect {  # expect: aws-lb-listener-plain-http
            port        = "8443"
            status_code = "HTTP_302"
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lb_listener" "web" {  # expect: aws-lb-listener-plain-http
        load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef"
        port              = 80
        protocol          = "HTTP"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_lb_listener" "http" {
        load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef"
        port              = 80
        protocol          = "HTTP"

        default_action {
          type = "redirect"

          redirect {
            port        = "443"
            protocol    = "HTTPS"
            status_code = "HTTP_301"
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_lb_listener" "https" {
        load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef"
        port              = 443
        protocol          = "HTTPS"
        ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
        certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"

        default_action {
          type             = "forward"
          target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
        }
      }
    EOT
  }
}
