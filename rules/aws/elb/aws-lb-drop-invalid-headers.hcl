rule "aws-lb-drop-invalid-headers" {
  title     = "Application Load Balancer forwards invalid HTTP header fields"
  severity  = "medium"
  area      = "application-workload"
  resources = ["aws_lb", "aws_alb"]
  aliases   = ["CKV_AWS_131", "AVD-AWS-0052", "aws-elb-drop-invalid-headers"]

  description = <<-EOT
    Header names that do not follow the HTTP grammar are a classic ingredient of request
    smuggling and header-injection attacks, where the load balancer and the application disagree on
    what a request contains. With `drop_invalid_header_fields = true` the Application Load Balancer
    removes them before they reach the targets. It defaults to `false`. The load balancer's request
    handling is customer configuration under the shared responsibility model. Medium: it is a
    protocol-hardening layer in front of the application. Only Application Load Balancers
    (`load_balancer_type`, default `application`) have the setting.
  EOT
  remediation = "Set `drop_invalid_header_fields = true` on the `aws_lb`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#drop_invalid_header_fields",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes",
  ]

  when {
    attribute "load_balancer_type" {
      equals  = "application"
      default = "application"
    }
  }

  assert {
    attribute "drop_invalid_header_fields" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lb" "web" {  # expect: aws-lb-drop-invalid-headers
        name    = "web"
        subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_lb" "web" {
        name                       = "web"
        subnets                    = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
        drop_invalid_header_fields = true
      }

      resource "aws_lb" "tcp" {
        name               = "tcp"
        load_balancer_type = "network"
        subnets            = ["subnet-0123456789abcdef0"]
      }
    EOT
  }
}
