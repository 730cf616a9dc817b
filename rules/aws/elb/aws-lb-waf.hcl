rule "aws-lb-waf" {
  title     = "Internet-facing Application Load Balancer has no WAF web ACL"
  severity  = "medium"
  area      = "application-workload"
  resources = ["aws_lb", "aws_alb"]
  aliases   = ["CKV2_AWS_28"]

  description = <<-EOT
    An internet-facing Application Load Balancer passes every request to the application. AWS WAF
    in front of it blocks common exploit payloads (SQL injection, known bad inputs, exploited CVEs),
    bad bots and request floods before they reach code. Deploying and tuning the web ACL is the
    customer's application layer under the shared responsibility model. Medium: it is a defence
    layer, not an exposure by itself. The rule looks for an `aws_wafv2_web_acl_association` whose
    `resource_arn` refers to the load balancer; internal and network load balancers are out of
    scope.
  EOT
  remediation = "Create an `aws_wafv2_web_acl` (for example with the AWS managed common and known-bad-inputs rule groups) and an `aws_wafv2_web_acl_association` with `resource_arn = aws_lb.NAME.arn`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl_association",
    "https://docs.aws.amazon.com/waf/latest/developerguide/waf-chapter.html",
  ]

  when {
    attribute "load_balancer_type" {
      equals  = "application"
      default = "application"
    }
    attribute "internal" {
      equals  = false
      default = false
    }
  }

  assert {
    linked "aws_wafv2_web_acl_association" {
      via = "resource_arn"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lb" "web" {  # expect: aws-lb-waf
        name    = "web"
        subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_lb" "web" {
        name    = "web"
        subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
      }

      resource "aws_wafv2_web_acl_association" "web" {
        resource_arn = aws_lb.web.arn
        web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/web/00000000-0000-0000-0000-000000000000"
      }

      resource "aws_lb" "internal" {
        name     = "internal"
        internal = true
        subnets  = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
      }
    EOT
  }
}
