rule "aws-lb-listener-tls-policy" {
  title     = "Load balancer listener allows TLS 1.0 or TLS 1.1"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_lb_listener", "aws_alb_listener"]
  aliases   = ["CKV_AWS_103", "AVD-AWS-0047", "aws-elb-use-secure-tls-policy"]

  description = <<-EOT
    The security policy of an HTTPS or TLS listener decides which protocol versions and ciphers
    clients may negotiate. Policies such as `ELBSecurityPolicy-2016-08` still accept TLS 1.0 and
    1.1 and CBC/SHA-1 cipher suites, which are deprecated (RFC 8996) and fail PCI DSS and most
    compliance baselines. When `ssl_policy` is omitted, the Elastic Load Balancing API picks
    `ELBSecurityPolicy-2016-08`, so this rule asks for an explicit policy. The load balancer
    terminates TLS for you, but choosing the policy is the customer's configuration under the
    shared responsibility model.
  EOT
  remediation = "Set `ssl_policy` to a TLS 1.2+ policy, for example `ELBSecurityPolicy-TLS13-1-2-2021-06` (TLS 1.2 and 1.3) or `ELBSecurityPolicy-TLS13-1-3-2021-06` (TLS 1.3 only)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_listener",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html",
  ]

  when {
    attribute "protocol" {
      one_of = ["HTTPS", "TLS"]
    }
  }

  assert {
    attribute "ssl_policy" {
      not_matches = "^ELBSecurityPolicy-(2015-05|2016-08|FS-2018-06|FS-1-1-2019-08|TLS-1-0-2015-04|TLS-1-1-2017-01|TLS13-1-[01]-.*)$"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lb_listener" "https" {
        load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef"
        port              = 443
        protocol          = "HTTPS"
        ssl_policy        = "ELBSecurityPolicy-2016-08"  # expect: aws-lb-listener-tls-policy
        certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"

        default_action {
          type             = "forward"
          target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lb_listener" "tls" {  # expect: aws-lb-listener-tls-policy
        load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/mq/0123456789abcdef"
        port              = 5671
        protocol          = "TLS"
        certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"

        default_action {
          type             = "forward"
          target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/mq/0123456789abcdef"
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
