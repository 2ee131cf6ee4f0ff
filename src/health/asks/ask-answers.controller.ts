import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JsonBodyGuard } from '../../reports/json-body.guard';
import { AnswerAskDto, AskAnswerView } from './ask-answer.dto';
import { AskAnswersService } from './ask-answers.service';

@ApiTags('reports')
@ApiBearerAuth()
@UseGuards(JsonBodyGuard)
@Controller('api/v1/touchpoints')
export class AskAnswersController {
  constructor(private readonly answers: AskAnswersService) {}

  @Post(':id/report/asks/:index/answer')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that the client answered an ask of a status report',
    description:
      "`index` is the 0-based position in the report's `asks`. Until answered, an ask counts against the " +
      "engagement's health (unanswered_asks). Answering again returns the first answer. 404 for an unknown " +
      'touchpoint, a report not sent yet or no ask at that position; 409 when the touchpoint is a meeting.',
  })
  @ApiOkResponse({ type: AskAnswerView })
  answer(
    @Param('id') id: string,
    @Param('index') index: string,
    @Body() body: AnswerAskDto,
  ): Promise<AskAnswerView> {
    return this.answers.answer(id, index, body ?? {});
  }
}
